package org.partymap.wish;

import java.time.Instant;
import java.time.LocalDate;
import org.partymap.auth.User;
import org.partymap.servicetime.OpeningHours;

/**
 * What each audience sees of a wish. The wall's view carries what the worker wrote for the public
 * and the grid, never whose wish it is or who claimed it (a party member shows as their 楼栋党小组).
 * The staff's view adds, for the grid's workers only, the resident and the claimant's name and phone.
 */
final class WishJson {

    private WishJson() {
    }

    record GridRef(int id, String name) {
    }

    /** A wish on the public wall. */
    record Wall(long id, GridRef grid, String title, String category, String categoryLabel, String situation, String dueOn,
                String status, boolean confirmed, String postedOn, String claimedOn, String claimedBy, String fulfilledOn, String thanks) {
    }

    record ResidentRef(long id, String name) {
    }

    /** Who claimed, for the grid's workers. */
    record Claimant(String kind, String name, String phone, String partyGroup) {
    }

    /** A wish in a staff list or answer. */
    record Staff(long id, GridRef grid, String community, String title, String category, String categoryLabel, String situation,
                 String dueOn, String status, boolean confirmed, String postedAt, String claimedAt, String claimedBy,
                 String fulfilledAt, String thanks, ResidentRef resident, Long question, Claimant claimant) {
    }

    /** A wish a party member claimed, for that member. */
    record Claimed(long id, GridRef grid, String community, String title, String categoryLabel, String situation, String dueOn,
                   String status, String claimedAt, String fulfilledAt, String thanks) {
    }

    static Wall wall(Wish w) {
        return new Wall(w.id(), grid(w), w.title(), w.category().code(), w.category().label(), w.situation(), w.dueOn().toString(),
                w.status().code(), Boolean.TRUE.equals(w.claimConfirmed()), day(w.postedAt()), day(w.claimedAt()), claimedBy(w),
                day(w.fulfilledAt()), w.thanks());
    }

    static Staff staff(Wish w, User viewer) {
        boolean privateParts = WishService.worksIn(viewer, w.grid().id());
        ResidentRef resident = privateParts && w.residentId() != null ? new ResidentRef(w.residentId(), w.residentName()) : null;
        Claimant claimant = null;
        if (privateParts && w.claimedAt() != null) {
            claimant = w.claimedByMember()
                    ? new Claimant("party_member", w.claimantAccount() != null ? w.claimantAccount() : w.claimantName(), null, w.claimantGroup())
                    : new Claimant("resident", w.claimantName(), w.claimantPhone(), null);
        }
        return new Staff(w.id(), grid(w), w.grid().communityName(), w.title(), w.category().code(), w.category().label(), w.situation(),
                w.dueOn().toString(), w.status().code(), Boolean.TRUE.equals(w.claimConfirmed()), time(w.postedAt()), time(w.claimedAt()),
                claimedBy(w), time(w.fulfilledAt()), w.thanks(), resident, w.questionId(), claimant);
    }

    static Claimed claimed(Wish w) {
        return new Claimed(w.id(), grid(w), w.grid().communityName(), w.title(), w.category().label(), w.situation(), w.dueOn().toString(),
                w.status().code(), time(w.claimedAt()), time(w.fulfilledAt()), w.thanks());
    }

    /** Who claimed, as the wall says it: a party member's group, or 居民 for a resident who left a name. */
    static String claimedBy(Wish w) {
        if (w.claimedAt() == null) {
            return null;
        }
        if (w.claimedByMember()) {
            return w.claimantGroup() == null ? "党员" : w.claimantGroup() + "党员";
        }
        return "热心居民";
    }

    private static GridRef grid(Wish w) {
        return new GridRef(w.grid().id(), w.grid().name());
    }

    private static String day(Instant t) {
        return t == null ? null : LocalDate.ofInstant(t, OpeningHours.ZONE).toString();
    }

    private static String time(Instant t) {
        return t == null ? null : t.atZone(OpeningHours.ZONE).toOffsetDateTime().toString();
    }
}
