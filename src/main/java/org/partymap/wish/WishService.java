package org.partymap.wish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.partymap.auth.AuditLog;
import org.partymap.auth.Role;
import org.partymap.auth.User;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;
import org.partymap.servicetime.OpeningHours;

/**
 * The rules of 微心愿. A wish is posted by a worker of its grid; what the wall will show (title,
 * situation, thanks) is refused when it holds a phone number, an address finer than the grid or
 * the name or phone of any resident of the community. A wish is claimed once: by a party member
 * (confirmed at once) or by a resident's name and phone (confirmed by the worker, who may release
 * it); only a claimed wish is fulfilled. Another grid's wish answers like one that does not
 * exist. Every change is audited in its own transaction.
 */
public final class WishService {

    /** How far ahead a wish may be due. */
    static final int MAX_DAYS_AHEAD = 365;

    /** A run of digits a phone number has (also a landline's 0515-…); no wall text needs one. */
    private static final Pattern PHONE = Pattern.compile("\\d[\\d\\- ]{5,}\\d");
    /** A house number, a flat or a building: an address finer than the grid. */
    private static final Pattern FINE_ADDRESS = Pattern.compile("[0-9０-９一二三四五六七八九十百零〇]+\\s*(号楼|号|室|幢|栋|单元|弄)");

    private final WishRepository repository;
    private final Clock clock;
    public WishService(WishRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** What a worker posts. */
    public record Posting(int grid, Optional<Long> resident, Optional<Long> question, String title, WishCategory category,
                          Optional<String> situation, LocalDate dueOn) {
    }

    /** Who claims: a party member's account, or a name and phone. */
    public record Claimant(Optional<User> member, String name, String phone) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(OpeningHours.ZONE));
    }

    public Wish post(User user, Posting p, AuditLog.Actor actor) {
        Wish.Grid grid = repository.grid(p.grid())
                .orElseThrow(() -> ApiException.notFound("grid-not-found", "there is no grid " + p.grid()));
        if (!worksIn(user, grid.id())) {
            throw ApiException.forbidden("out-of-scope", "grid " + grid.id() + " (" + grid.communityName() + grid.name()
                    + ") is not among the grids you serve; a wish is posted by a worker of its grid");
        }
        p.resident().ifPresent(r -> {
            var residentGrid = repository.residentGrid(r);
            if (residentGrid.isEmpty() || residentGrid.get().isEmpty() || !worksIn(user, residentGrid.get().get())) {
                throw ApiException.notFound("resident-not-found", "there is no resident " + r + " in your grids");
            }
            if (residentGrid.get().get() != grid.id()) {
                throw ApiException.unprocessable("resident-elsewhere", "resident " + r + " lives in another grid; post the wish for their grid")
                        .with("field", "resident");
            }
        });
        p.question().ifPresent(q -> {
            var questionGrid = repository.questionGrid(q);
            if (questionGrid.isEmpty() || !worksIn(user, questionGrid.get())) {
                throw ApiException.notFound("question-not-found", "there is no question " + q + " in your grids");
            }
        });
        LocalDate today = today();
        if (p.dueOn().isBefore(today)) {
            throw ApiException.unprocessable("due-in-the-past", "due " + p.dueOn() + " is before today (" + today + ")").with("field", "due_on");
        }
        if (p.dueOn().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw ApiException.unprocessable("due-too-far", "a wish is due within " + MAX_DAYS_AHEAD + " days, not on " + p.dueOn())
                    .with("field", "due_on");
        }
        publicText(grid.communityId(), "title", p.title());
        p.situation().ifPresent(s -> publicText(grid.communityId(), "situation", s));
        Instant now = clock.instant();
        var draft = new WishRepository.Draft(grid.id(), p.resident().orElse(null), p.question().orElse(null), p.title(), p.category(),
                p.situation().orElse(null), p.dueOn(), user.id(), now);
        long id = Sql.transaction(repository.dataSource(), c -> {
            long created = repository.insert(c, draft);
            var detail = new LinkedHashMap<String, Object>();
            detail.put("grid", grid.code());
            p.resident().ifPresent(r -> detail.put("resident", r));
            p.question().ifPresent(q -> detail.put("question", q));
            AuditLog.record(c, actor, "wish_post", "wish", created, detail);
            return created;
        });
        return repository.find(id).orElseThrow();
    }

    /** Claims an open wish: 409 when someone else claimed it first (or it is fulfilled or withdrawn). */
    public Wish claim(long id, Claimant who, AuditLog.Actor actor) {
        Wish wish = repository.find(id).filter(w -> w.status() != Wish.Status.WITHDRAWN)
                .orElseThrow(() -> ApiException.notFound("wish-not-found", "there is no wish " + id + " on any wall"));
        boolean member = who.member().map(u -> u.role() == Role.PARTY_MEMBER).orElse(false);
        if (!member && (who.name() == null || who.phone() == null)) {
            throw ApiException.badRequest("claimant-required", "to claim a wish, give your name and phone (the grid worker will call you),"
                    + " or log in as a party member");
        }
        Instant now = clock.instant();
        boolean won = Sql.transaction(repository.dataSource(), c -> {
            boolean claimed = member
                    ? repository.claim(c, id, now, who.member().get().id(), null, null, true)
                    : repository.claim(c, id, now, null, who.name(), who.phone(), false);
            if (claimed) {
                AuditLog.record(c, actor, "wish_claim", "wish", id, Map.of("by", member ? "party_member" : "resident"));
            }
            return claimed;
        });
        if (!won) {
            throw ApiException.conflict("wish-taken", "wish " + id + " is " + label(repository.find(id).map(Wish::status).orElse(wish.status()))
                    + " already: someone claimed it first. Thank you all the same; the wall has other wishes");
        }
        return repository.find(id).orElseThrow();
    }

    public Wish confirm(User user, long id, AuditLog.Actor actor) {
        return change(user, id, actor, "wish_confirm", (c, at) -> repository.confirm(c, id, at),
                w -> w.status() == Wish.Status.CLAIMED ? "the claim of wish " + id + " is confirmed already"
                        : "wish " + id + " is " + label(w.status()) + ": only a claimed wish has a claim to confirm");
    }

    public Wish release(User user, long id, AuditLog.Actor actor) {
        return change(user, id, actor, "wish_release", (c, at) -> repository.release(c, id, at),
                w -> "wish " + id + " is " + label(w.status()) + ": only a claimed wish can be released");
    }

    public Wish fulfil(User user, long id, Optional<String> thanks, AuditLog.Actor actor) {
        Wish wish = mine(user, id);
        thanks.ifPresent(t -> publicText(wish.grid().communityId(), "thanks", t));
        return change(user, id, actor, "wish_fulfil", (c, at) -> repository.fulfil(c, id, at, thanks.orElse(null)),
                w -> "wish " + id + " is " + label(w.status()) + ": a wish is fulfilled after someone claimed it");
    }

    public Wish withdraw(User user, long id, AuditLog.Actor actor) {
        return change(user, id, actor, "wish_withdraw", (c, at) -> repository.withdraw(c, id, at),
                w -> "wish " + id + " is " + label(w.status()) + " and cannot be withdrawn");
    }

    /** A wish of a grid the account works in; any other answers like a wish that does not exist. */
    public Wish mine(User user, long id) {
        return repository.find(id).filter(w -> worksIn(user, w.grid().id()))
                .orElseThrow(() -> ApiException.notFound("wish-not-found", "there is no wish " + id + " in your grids"));
    }

    /** Whether the account posts and keeps the wishes of a grid: its grid workers (grid or community) and admins. */
    static boolean worksIn(User user, int gridId) {
        return user.mayReadResidentsOf(gridId);
    }

    static String label(Wish.Status status) {
        return switch (status) {
            case OPEN -> "open";
            case CLAIMED -> "claimed";
            case FULFILLED -> "fulfilled";
            case WITHDRAWN -> "withdrawn";
        };
    }

    private interface Step {
        boolean apply(java.sql.Connection c, Instant at) throws java.sql.SQLException;
    }

    private Wish change(User user, long id, AuditLog.Actor actor, String action, Step step, java.util.function.Function<Wish, String> refusal) {
        Wish before = mine(user, id);
        Instant now = clock.instant();
        boolean done = Sql.transaction(repository.dataSource(), c -> {
            boolean changed = step.apply(c, now);
            if (changed) {
                AuditLog.record(c, actor, action, "wish", id, Map.of("grid", before.grid().code()));
            }
            return changed;
        });
        if (!done) {
            throw ApiException.conflict("wish-state", refusal.apply(repository.find(id).orElse(before)));
        }
        return repository.find(id).orElseThrow();
    }

    /** Refuses wall text that could point at a person (the generic markup and link checks come first, in the controller). */
    private void publicText(int communityId, String field, String text) {
        if (PHONE.matcher(text).find()) {
            throw ApiException.unprocessable("personal-data", "'" + field + "' holds what looks like a phone number; the wall is public:"
                    + " leave contact details out, the grid worker arranges the rest").with("field", field);
        }
        if (FINE_ADDRESS.matcher(text).find()) {
            throw ApiException.unprocessable("personal-data", "'" + field + "' holds a house, building or flat number; the wall shows"
                    + " no address finer than the grid").with("field", field);
        }
        if (repository.residentNamedIn(communityId, text).isPresent()) {
            throw ApiException.unprocessable("personal-data", "'" + field + "' holds the name or phone of a resident of the community;"
                    + " the wall is public: describe the situation without names").with("field", field);
        }
    }

    /** The account's list scope: what it serves (for figures and lists; private parts are asked per wish). */
    static WishRepository.Scope scope(User user) {
        return new WishRepository.Scope(user.isAdmin(), List.copyOf(user.servedGrids()), List.copyOf(user.communities()),
                user.role() == Role.PLANNER ? List.copyOf(user.subdistricts()) : List.of());
    }
}
