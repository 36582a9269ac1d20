package org.partymap.auth;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog.Actor;
import org.partymap.db.Sql;

/**
 * One account of each role for the demo, created after the demo data is loaded and only while
 * there is no account at all: {@code admin}; {@code planner}, scoped to the first subdistrict
 * (by code); {@code worker}, a grid worker scoped to the first two grids of that subdistrict;
 * {@code member}, a party member of the first party group of the first of those grids.
 * Their one-time passwords are printed once; each must be changed at the first login.
 */
public final class DemoAccounts {

    private static final String ANY_ACCOUNT = "SELECT EXISTS (SELECT 1 FROM app_user)";
    private static final String FIRST_SUBDISTRICT = "SELECT code FROM subdistrict ORDER BY code LIMIT 1";
    private static final String FIRST_GRIDS = """
            SELECT g.code FROM grid g JOIN community c ON c.id = g.community_id JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE s.code = ? ORDER BY g.code LIMIT 2""";
    private static final String FIRST_PARTY_GROUP = """
            SELECT p.id FROM party_group p JOIN grid g ON g.id = p.grid_id WHERE g.code = ? ORDER BY p.id LIMIT 1""";

    private DemoAccounts() {
    }

    /** Creates the demo accounts unless any account exists; returns the ones it created. */
    public static List<Accounts.Created> createIfNone(DataSource ds, Accounts accounts, PrintStream out) {
        if (Sql.one(ds, ANY_ACCOUNT, rs -> rs.getBoolean(1)).orElse(true)) {
            return List.of();
        }
        var created = new ArrayList<Accounts.Created>();
        created.add(accounts.create("admin", "演示管理员", Role.ADMIN, List.of(), Actor.demo()));
        var subdistrict = Sql.one(ds, FIRST_SUBDISTRICT, rs -> rs.getString(1));
        if (subdistrict.isPresent()) {
            created.add(accounts.create("planner", "演示规划员", Role.PLANNER, List.of(subdistrict.get()), Actor.demo()));
            List<String> grids = Sql.list(ds, FIRST_GRIDS, rs -> rs.getString(1), subdistrict.get());
            if (!grids.isEmpty()) {
                created.add(accounts.create("worker", "演示网格员", Role.GRID_WORKER, grids, Actor.demo()));
                Sql.one(ds, FIRST_PARTY_GROUP, rs -> rs.getInt(1), grids.get(0)).ifPresent(group -> created.add(
                        accounts.create("member", "演示党员", Role.PARTY_MEMBER, List.of(Integer.toString(group)), Actor.demo())));
            }
        }
        out.println("demo accounts (one-time passwords, shown only now; each must be changed at the first login):");
        for (Accounts.Created c : created) {
            var a = c.account();
            String scope = a.scope().isEmpty() ? "" : "  scope: " + String.join(", ", a.scope().stream().map(s -> s.code() + " " + s.name()).toList());
            out.printf("  %-8s %-13s %s%s%n", a.username(), a.role(), c.oneTimePassword(), scope);
        }
        out.println("log in at /login.html; admins manage accounts at /admin.html");
        return created;
    }
}
