package org.partymap.booking;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.partymap.Config;
import org.partymap.auth.LinkToken;
import org.partymap.auth.User;
import org.partymap.booking.BookingRepository.Mine;
import org.partymap.booking.BookingRepository.NewBooking;
import org.partymap.booking.BookingRepository.StaffList;
import org.partymap.booking.BookingRepository.Station;
import org.partymap.http.ApiException;
import org.partymap.servicetime.OpeningHours;

/**
 * Slots from a post's hours and the rules of booking them. A slot is {@code slotMinutes} long;
 * slots follow each other from the start of every open interval of the day, and one that would
 * run past the interval's end (into lunch, past closing) is not offered. A slot is bookable from
 * now until {@link #WINDOW} ahead, and not once it has started. Seats are counted per slot start,
 * so a booking made before the hours or the slot length changed keeps its seat but no longer
 * fills a slot of the new layout.
 */
public final class BookingService {

    /** The kinds of post residents may book: 党群服务中心 and 网格驿站. */
    public static final Set<String> BOOKABLE_KINDS = Set.of("service_centre", "grid_station");
    /** How far ahead a slot may be booked. */
    public static final Duration WINDOW = Duration.ofDays(14);
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    /** A slot as the public sees it: how many seats it has and how many are left. No person. */
    public record SlotLine(String start, String end, int capacity, int remaining) {
    }

    public record StationBrief(int id, String name, String address, String hours) {
    }

    public record Slots(StationBrief station, int slotMinutes, List<SlotLine> slots) {
    }

    /** A booking as a resident sends it, its free text already checked. */
    public record Request(int station, Instant start, String phone, Optional<String> name, String purpose) {
    }

    /** A new booking, with the token of its private link (only its hash is stored). */
    public record Booked(String token, String link, Mine booking) {
    }

    private final BookingRepository bookings;
    private final Config.Booking config;
    private final Clock clock;

    public BookingService(BookingRepository bookings, Config.Booking config, Clock clock) {
        this.bookings = bookings;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The bookable slots of a post on {@code days} days from {@code from} (today when empty), with
     * their remaining seats: 400 for a day outside the window, 404 without the post, 409 when the
     * post takes no bookings or its hours cannot be read.
     */
    public Slots slots(int stationId, Optional<LocalDate> from, int days) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(OpeningHours.ZONE).toLocalDate();
        LocalDate first = from.orElse(today);
        if (first.isBefore(today) || first.isAfter(today.plusDays(WINDOW.toDays()))) {
            throw ApiException.badParameter("from", "from must be a day from today (" + today + ") to "
                    + today.plusDays(WINDOW.toDays()) + ": bookings open " + WINDOW.toDays() + " days ahead");
        }
        Instant rangeStart = first.atStartOfDay(OpeningHours.ZONE).toInstant();
        Instant rangeEnd = first.plusDays(days).atStartOfDay(OpeningHours.ZONE).toInstant();
        var seats = bookings.seats(stationId, rangeStart, rangeEnd)
                .orElseThrow(() -> ApiException.notFound("station-not-found", "there is no post " + stationId));
        OpeningHours hours = bookableHours(seats.station());
        var lines = new ArrayList<SlotLine>();
        for (LocalDate day = first; day.isBefore(first.plusDays(days)); day = day.plusDays(1)) {
            for (Slot slot : slotsOn(hours, day, config.slot())) {
                if (bookable(slot, now)) {
                    int taken = seats.taken().getOrDefault(slot.start(), 0);
                    lines.add(new SlotLine(Slot.format(slot.start()), Slot.format(slot.end()), config.capacity(),
                            Math.max(0, config.capacity() - taken)));
                }
            }
        }
        Station s = seats.station();
        return new Slots(new StationBrief(s.id(), s.name(), s.address(), s.hours()), config.slotMinutes(), List.copyOf(lines));
    }

    /** Books a seat (see {@link BookingRepository#book} for the refusals it adds). */
    public Booked book(Request r) {
        Instant now = clock.instant();
        var token = LinkToken.issue();
        var booking = new NewBooking(r.purpose(), r.name().orElse(null), r.phone(), token.hash(), now);
        Mine mine = bookings.book(r.station(), station -> slotAt(station, r.start(), now), config.capacity(), booking);
        return new Booked(token.token(), "/booking.html#t=" + token.token(), mine);
    }

    /** The booking a private link opens. */
    public Optional<Mine> mine(String tokenHash) {
        return bookings.mine(tokenHash, clock.instant());
    }

    /** Cancels the booking a private link opens; cancelling again answers the same. */
    public Optional<Mine> cancel(String tokenHash) {
        return bookings.cancel(tokenHash, clock.instant());
    }

    /** The bookings of a post the account serves on a day (today when empty). */
    public Optional<StaffList> staffList(User user, int stationId, Optional<LocalDate> date) {
        LocalDate day = date.orElse(clock.instant().atZone(OpeningHours.ZONE).toLocalDate());
        return bookings.staffList(user, stationId, day.atStartOfDay(OpeningHours.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(OpeningHours.ZONE).toInstant(), day.toString());
    }

    /**
     * A phone number as residents type it (spaces, full-width digits, dashes in a mobile), in the
     * one form stored: a mobile's eleven digits, a landline as typed; 400 for anything else.
     */
    public static String phone(String typed) {
        String compact = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s", "");
        String digits = compact.replace("-", "");
        if (MOBILE.matcher(digits).matches()) {
            return digits;
        }
        if (LANDLINE.matcher(compact).matches()) {
            return compact;
        }
        throw ApiException.badParameter("phone", "phone must be a mobile number (11 digits, 1[3-9]…) or a landline with its"
                + " area code (0515-12345678)");
    }

    /** The slots of a day, in order: each interval cut into {@code length} from its start; a short remainder is not a slot. */
    public static List<Slot> slotsOn(OpeningHours hours, LocalDate day, Duration length) {
        var slots = new ArrayList<Slot>();
        for (OpeningHours.Interval interval : hours.on(day.getDayOfWeek())) {
            Instant end = interval.end().equals(java.time.LocalTime.MAX)
                    ? day.plusDays(1).atStartOfDay(OpeningHours.ZONE).toInstant()
                    : ZonedDateTime.of(day, interval.end(), OpeningHours.ZONE).toInstant();
            for (Instant t = ZonedDateTime.of(day, interval.start(), OpeningHours.ZONE).toInstant();
                    !t.plus(length).isAfter(end); t = t.plus(length)) {
                slots.add(new Slot(t, t.plus(length)));
            }
        }
        return slots;
    }

    private static boolean bookable(Slot slot, Instant now) {
        return slot.start().isAfter(now) && !slot.start().isAfter(now.plus(WINDOW));
    }

    /** The slot starting at {@code start}, while the station is locked; refused as the caller can act on it. */
    private Slot slotAt(Station station, Instant start, Instant now) {
        OpeningHours hours = bookableHours(station);
        Slot slot = slotsOn(hours, start.atZone(OpeningHours.ZONE).toLocalDate(), config.slot()).stream()
                .filter(s -> s.start().equals(start)).findFirst()
                .orElseThrow(() -> ApiException.unprocessable("not-a-slot", Slot.format(start) + " is not the start of a slot of "
                        + station.name() + "; GET /api/stations/" + station.id() + "/slots lists them").with("field", "start"));
        if (!slot.start().isAfter(now)) {
            throw ApiException.conflict("slot-started", "this slot has already started or is over; choose a later one");
        }
        if (slot.start().isAfter(now.plus(WINDOW))) {
            throw ApiException.conflict("slot-not-open", "slots can be booked at most " + WINDOW.toDays() + " days ahead");
        }
        return slot;
    }

    /** The post's hours, if it takes bookings: 409 for other kinds and for hours that cannot be read. */
    private static OpeningHours bookableHours(Station station) {
        if (!BOOKABLE_KINDS.contains(station.kind())) {
            throw ApiException.conflict("not-bookable", station.name() + " takes no bookings: only 党群服务中心 and 网格驿站 do");
        }
        if (station.hours() == null || station.hours().isBlank()) {
            throw ApiException.conflict("not-bookable", station.name() + " has no opening hours on record, so it has no slots; call it");
        }
        try {
            return OpeningHours.parse(station.hours());
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict("not-bookable", "the opening hours of " + station.name() + " cannot be read ("
                    + e.getMessage() + "), so it has no slots; call it");
        }
    }
}
