package org.partymap.consult;

import java.util.HashSet;
import java.util.Set;
import org.partymap.auth.Role;
import org.partymap.auth.User;

/**
 * Who reads a question: the workers of the grid it is routed to; once it is past its target
 * unanswered (escalation 1), every worker of the community's grids and the community's staff;
 * past the second limit (escalation 2), the subdistrict's planners; admins always. The same rule
 * twice, once as SQL for lists and once in Java for the live inbox's pushes, side by side here
 * so that they cannot drift apart ({@code ConsultAccessIT} compares them).
 */
final class ConsultAccess {

    /**
     * The predicate over {@code q} (question), {@code g} (its grid) and {@code c} (its community),
     * with the five parameters of {@link #params}.
     */
    static final String SQL = """
            (?::boolean
             OR q.grid_id = ANY (?::int[])
             OR q.escalation >= 1 AND (g.community_id = ANY (?::int[])
                                       OR g.community_id IN (SELECT gg.community_id FROM grid gg WHERE gg.id = ANY (?::int[])))
             OR q.escalation >= 2 AND c.subdistrict_id = ANY (?::int[]))""";

    private ConsultAccess() {
    }

    static Object[] params(User user) {
        boolean worker = user.role() == Role.GRID_WORKER;
        Integer[] grids = worker ? user.grids().toArray(Integer[]::new) : new Integer[0];
        return new Object[] {user.isAdmin(), grids,
                worker ? user.communities().toArray(Integer[]::new) : new Integer[0], grids,
                user.role() == Role.PLANNER ? user.subdistricts().toArray(Integer[]::new) : new Integer[0]};
    }

    /** What a connected account needs to decide a push without the database. */
    record Viewer(User user, Set<Integer> communities) {

        /** @param gridCommunities the communities of the account's own grids */
        static Viewer of(User user, Set<Integer> gridCommunities) {
            var all = new HashSet<>(gridCommunities);
            if (user.role() == Role.GRID_WORKER) {
                all.addAll(user.communities());
            }
            return new Viewer(user, Set.copyOf(all));
        }

        boolean sees(int grid, int community, int subdistrict, int escalation) {
            User u = user;
            return switch (u.role()) {
                case ADMIN -> true;
                case GRID_WORKER -> u.grids().contains(grid) || escalation >= 1 && communities.contains(community);
                case PLANNER -> escalation >= 2 && u.subdistricts().contains(subdistrict);
                case PUBLIC, PARTY_MEMBER -> false;
            };
        }
    }
}
