package org.partymap.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;

/**
 * Who may call a route. Every route in the route table names the roles it admits;
 * {@link #PUBLIC} admits everyone, logged in or not. The others are the roles an account
 * can have, stored in {@code app_user.role} under {@link #id()}.
 */
public enum Role implements RouteRole {
    /** Anyone, without a login. */
    PUBLIC,
    /** 网格员: the residents of their grids. */
    GRID_WORKER,
    /** 规划人员: aggregates and (with the planner workspace) the grids of their subdistricts. */
    PLANNER,
    /** 管理员: accounts, imports, the audit log, every resident. */
    ADMIN,
    /** 党员: claims 微心愿 on the wish wall; sees nothing of residents. */
    PARTY_MEMBER;

    /** The name in the database, the API and the command line: admin, planner, grid_worker, party_member. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An account role by its id; PUBLIC is not one. */
    public static Role ofAccount(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(r -> r != PUBLIC && r.id().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + text + "'; roles are admin, planner, grid_worker, party_member"));
    }

    /** What the scope of an account with this role is made of, for messages. */
    public String scopeKind() {
        return switch (this) {
            case PLANNER -> "subdistricts";
            case GRID_WORKER -> "grids or communities";
            case PARTY_MEMBER -> "party groups";
            default -> "nothing";
        };
    }
}
