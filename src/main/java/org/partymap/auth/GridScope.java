package org.partymap.auth;

/**
 * {@link User#serves} as SQL, for lists that must hold only what an account serves. The
 * predicate reads the aliases {@code g} (a grid) and {@code c} (its community) and takes the
 * four parameters of {@link #params}, in that order:
 * {@code "SELECT … FROM booking b JOIN grid g … JOIN community c … WHERE " + GridScope.SQL}.
 */
public final class GridScope {

    public static final String SQL = """
            (?::boolean OR g.id = ANY (?::int[]) OR g.community_id = ANY (?::int[]) OR c.subdistrict_id = ANY (?::int[]))""";

    private GridScope() {
    }

    /** The parameters of {@link #SQL} for this account. */
    public static Object[] params(User user) {
        boolean planner = user.role() == Role.PLANNER;
        boolean worker = user.role() == Role.GRID_WORKER;
        return new Object[] {user.isAdmin(),
                (worker ? user.grids() : java.util.Set.<Integer>of()).toArray(Integer[]::new),
                (worker ? user.communities() : java.util.Set.<Integer>of()).toArray(Integer[]::new),
                (planner ? user.subdistricts() : java.util.Set.<Integer>of()).toArray(Integer[]::new)};
    }
}
