package org.partymap.testing;

import java.time.Duration;
import java.util.List;
import org.partymap.auth.Accounts;
import org.partymap.auth.AuditLog;
import org.partymap.auth.Role;
import org.partymap.auth.SessionStore;
import org.partymap.db.Database;

/** Accounts for tests, made through the same code as the command line, with a known password. */
public final class TestAccounts {

    public static final String PASSWORD = "test password 2026";

    private TestAccounts() {
    }

    public static Accounts accounts(Database db) {
        return new Accounts(db.dataSource(), new SessionStore(db.dataSource(), Duration.ofMinutes(30), Duration.ofHours(12)));
    }

    /** Creates an account whose password is {@link #PASSWORD} (no one-time password to change); returns its id. */
    public static int create(Database db, String username, Role role, String... scope) {
        var accounts = accounts(db);
        int id = accounts.create(username, null, role, List.of(scope), AuditLog.Actor.commandLine()).account().id();
        accounts.setPassword(username, PASSWORD, AuditLog.Actor.commandLine());
        return id;
    }
}
