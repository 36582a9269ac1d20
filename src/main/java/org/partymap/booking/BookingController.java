package org.partymap.booking;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.LinkToken;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Params;
import org.partymap.http.PublicText;
import org.partymap.http.Responses;

/**
 * 预约办事 over HTTP: {@code GET /api/stations/{id}/slots} (public: seats left, no person),
 * {@code POST /api/bookings} (public: book, answered with the private link),
 * {@code GET /api/bookings/mine} and {@code POST /api/bookings/mine/cancel} (the link's token as
 * {@code Authorization: Bearer}), and {@code GET /api/bookings} (staff of the post: phones
 * masked, audited).
 */
public final class BookingController {

    private static final Set<String> BOOKING_FIELDS = Set.of("station", "start", "phone", "name", "purpose");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final BookingService service;
    private final AuditLog audit;

    public BookingController(BookingService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    public void slots(Context ctx) {
        int station = Params.id(ctx, "id");
        Responses.jsonOf(ctx, service.slots(station, date(ctx, "from"), Params.integer(ctx, "days", 7, 1, 14, false)));
    }

    public void book(Context ctx) {
        JsonBody body = JsonBody.of(ctx, BOOKING_FIELDS);
        var request = new BookingService.Request(stationOf(body), startOf(body), BookingService.phone(body.text("phone", 32)),
                PublicText.optional("name", body.optionalText("name", 64).orElse(null), 32),
                PublicText.check("purpose", body.optionalText("purpose", 400).orElse(null), 200));
        ctx.header("Cache-Control", "no-store");
        ctx.status(201);
        Responses.jsonOf(ctx, service.book(request));
    }

    public void mine(Context ctx) {
        String hash = LinkToken.hashOf(ctx);
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, service.mine(hash).orElseThrow(BookingController::noSuchBooking));
    }

    public void cancel(Context ctx) {
        String hash = LinkToken.hashOf(ctx);
        ctx.header("Cache-Control", "no-store");
        Responses.jsonOf(ctx, service.cancel(hash).orElseThrow(BookingController::noSuchBooking));
    }

    public void list(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        int station = Params.optionalId(ctx, "station").orElseThrow(() -> ApiException.badParameter("station", "station is required"));
        var date = date(ctx, "date");
        // a post out of scope answers like one that does not exist: staff learn nothing of others' bookings
        var list = service.staffList(user, station, date)
                .orElseThrow(() -> ApiException.notFound("station-not-found", "there is no post " + station + " among those you serve"));
        var detail = new LinkedHashMap<String, Object>();
        detail.put("date", list.date());
        detail.put("returned", list.bookings().size());
        audit.record(AuditLog.Actor.of(user, ClientIp.of(ctx)), "booking_list", "station", station, detail);
        Responses.jsonOf(ctx, list);
    }

    private static ApiException noSuchBooking() {
        return ApiException.notFound("booking-not-found", "no booking has this link; it may be mistyped");
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        return Params.text(ctx, name, 10).map(raw -> {
            try {
                if (DATE.matcher(raw).matches()) {
                    return LocalDate.parse(raw);
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw ApiException.badParameter(name, name + " must be a date written YYYY-MM-DD, not '" + raw + "'");
        });
    }

    private static int stationOf(JsonBody body) {
        double station = body.number("station", 1, Integer.MAX_VALUE);
        if (station != Math.rint(station)) {
            throw ApiException.badRequest("bad-field", "station must be a post's id, a whole number").with("field", "station");
        }
        return (int) station;
    }

    private static Instant startOf(JsonBody body) {
        String start = body.text("start", 40);
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad-field", "start must be a slot's start as the slots list gives it,"
                    + " ISO 8601 with its offset (2026-12-07T09:00:00+08:00), not '" + start + "'").with("field", "start");
        }
    }
}
