package org.partymap.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.partymap.Config;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.care.CareRepository.NewVisit;
import org.partymap.care.CareRepository.ResidentRef;
import org.partymap.care.CareRepository.Stored;
import org.partymap.care.CareRepository.Visit;
import org.partymap.http.ApiException;
import org.partymap.servicetime.OpeningHours;

/**
 * The rules of 走访: who sees which households, which visits may be stored, and the idempotency
 * of storing one. Days are Shanghai days of the injected clock. A visit is sent with a key the
 * browser drew for it: the first send stores it (201), every later send of the same visit answers
 * the stored one (200) and stores nothing, and a send of another visit under a used key is a 409.
 */
public final class CareService {

    /** The kinds of visit: 上门, 电话, 代办. */
    public static final Set<String> KINDS = Set.of("home", "phone", "errand");
    /** How many days back a visit may be recorded (a phone offline for a while still sends its queue). */
    public static final int MAX_DAYS_BACK = 90;
    /** How many of a household's visits its read shows, newest first. */
    static final int VISITS_SHOWN = 100;

    /** A visit as a worker sends it, its text already checked. */
    public record Request(UUID clientKey, long resident, String kind, LocalDate visitedOn, Optional<String> note, Optional<String> needs) {
    }

    private final CareRepository care;
    private final Clock clock;

    public CareService(DataSource ds, Config.Care cadence, Clock clock) {
        this.care = new CareRepository(ds, cadence);
        this.clock = clock;
    }

    /** Today in Shanghai by the injected clock. */
    public LocalDate today() {
        return clock.instant().atZone(OpeningHours.ZONE).toLocalDate();
    }

    /** The care households of the account's grids (one of them, when {@code grid} is given), overdue first. */
    public String list(User user, Optional<Integer> grid, int limit, int offset) {
        grid.ifPresent(user::requireGrid);
        return care.list(today(), user.isAdmin(), user.servedGrids().toArray(Integer[]::new), grid.orElse(null), limit, offset);
    }

    /**
     * The household of a resident with its visits and their notes; the read (or the refused
     * attempt) is audited. Empty, like a resident that does not exist, when the account does
     * not serve the resident's grid or the household is no care household.
     */
    public Optional<String> household(User user, long residentId, AuditLog audit, AuditLog.Actor actor) {
        Optional<ResidentRef> resident = care.resident(residentId);
        if (resident.isEmpty()) {
            return Optional.empty();
        }
        Integer grid = resident.get().grid();
        if (grid == null || !user.mayReadResidentsOf(grid)) {
            audit.record(actor, "care_household_read_denied", "resident", residentId, grid == null ? null : Map.of("grid", grid));
            return Optional.empty();
        }
        Optional<String> household = care.household(today(), resident.get());
        household.ifPresent(h -> audit.record(actor, "care_household_read", "resident", residentId, Map.of("grid", grid)));
        return household;
    }

    /** Stores a visit, or answers the one already stored under its key (see the class comment). */
    public Stored record(User user, Request r, AuditLog.Actor actor) {
        Optional<Visit> known = care.visit(r.clientKey());
        if (known.isPresent()) {
            return new Stored(false, sameVisit(user, known.get(), r));
        }
        LocalDate today = today();
        if (r.visitedOn().isAfter(today)) {
            throw ApiException.unprocessable("visit-in-future", "visited_on " + r.visitedOn() + " is after today (" + today
                    + "); record a visit on the day it took place or later").with("field", "visited_on");
        }
        if (r.visitedOn().isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw ApiException.unprocessable("visit-too-old", "visited_on " + r.visitedOn() + " is more than " + MAX_DAYS_BACK
                    + " days ago; visits are recorded from " + today.minusDays(MAX_DAYS_BACK) + " on").with("field", "visited_on");
        }
        ResidentRef resident = care.resident(r.resident())
                .filter(ref -> ref.grid() != null && user.mayReadResidentsOf(ref.grid()))
                .orElseThrow(() -> ApiException.notFound("resident-not-found", "there is no resident " + r.resident() + " in your grids"));
        var visit = new NewVisit(r.clientKey(), resident, r.kind(), r.visitedOn(), r.note().orElse(null), r.needs().orElse(null),
                user.id(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        Stored stored = care.store(visit, c -> {
            if (!care.isCareHousehold(c, today, resident)) {
                throw ApiException.unprocessable("not-care-household", "resident " + r.resident() + "'s household has no care tag"
                        + " that asks visits (PARTYMAP_CARE_CADENCE), so it takes no 走访 records").with("field", "resident");
            }
        }, actor);
        // a send of the same key that won the race a moment earlier: the same rules as a resend
        return stored.created() ? stored : new Stored(false, sameVisit(user, stored.visit(), r));
    }

    /** Coverage of a community's or a subdistrict's grids: counts only. */
    public String coverage(User user, Optional<Integer> community, Optional<Integer> subdistrict) {
        if (community.isPresent() == subdistrict.isPresent()) {
            throw ApiException.badParameter(community.isPresent() ? "subdistrict" : "community",
                    "give either community=ID or subdistrict=ID, not " + (community.isPresent() ? "both" : "neither"));
        }
        if (community.isPresent()) {
            var area = care.community(community.get())
                    .orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + community.get()));
            if (!user.servesCommunity(area.id(), area.subdistrict())) {
                throw ApiException.forbidden("out-of-scope", "community " + area.id() + " is not in your scope");
            }
        } else {
            care.subdistrict(subdistrict.get())
                    .orElseThrow(() -> ApiException.notFound("subdistrict-not-found", "there is no subdistrict " + subdistrict.get()));
            user.requireSubdistrict(subdistrict.get());
        }
        return care.coverage(today(), community.orElse(null), subdistrict.orElse(null));
    }

    /** The stored visit when {@code r} is a resend of it by someone who may see it; else 409, telling nothing of it. */
    private static Visit sameVisit(User user, Visit stored, Request r) {
        boolean same = stored.resident() == r.resident() && stored.kind().equals(r.kind())
                && stored.visitedOn().equals(r.visitedOn().toString())
                && Objects.equals(stored.note(), r.note().orElse(null)) && Objects.equals(stored.needs(), r.needs().orElse(null));
        if (!same || !user.mayReadResidentsOf(stored.grid())) {
            throw ApiException.conflict("client-key-used", "client_key " + r.clientKey() + " belongs to another visit already stored;"
                    + " draw a new key for a new visit");
        }
        return stored;
    }
}
