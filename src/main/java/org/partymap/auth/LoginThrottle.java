package org.partymap.auth;

import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * Slows down password guessing, per account and per client address, in the database so that
 * every app node counts the same attempts. After {@link #ACCOUNT_FAILURES} failures for one
 * name (since its last success) within {@link #WINDOW}, or {@link #ADDRESS_FAILURES} failures
 * from one address, further attempts are refused — without checking the password — until the
 * oldest of those failures leaves the window. Refused attempts are not counted, so a locked
 * account opens again on time even while someone keeps knocking.
 *
 * <p>Attempts are keyed by the SHA-256 of the lower-cased name as typed: names that are no
 * account are throttled the same way (the answer does not tell them apart), and a password typed
 * into the name field by mistake is never stored.
 */
public final class LoginThrottle {

    public static final int ACCOUNT_FAILURES = 5;
    public static final int ADDRESS_FAILURES = 30;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** Seconds until the n-th most recent failure leaves the window, when there are n of them. */
    private static final String ACCOUNT_WAIT = """
            SELECT CASE WHEN count(*) >= ? THEN greatest(1, ceil(extract(epoch FROM min(at) + make_interval(secs => ?) - now())))
                        ELSE 0 END
              FROM (SELECT at FROM login_attempt
                     WHERE account_key = ? AND NOT success AND at > now() - make_interval(secs => ?)
                       AND at > coalesce((SELECT max(at) FROM login_attempt WHERE account_key = ? AND success), '-infinity')
                     ORDER BY at DESC LIMIT ?) f""";
    private static final String ADDRESS_WAIT = """
            SELECT CASE WHEN count(*) >= ? THEN greatest(1, ceil(extract(epoch FROM min(at) + make_interval(secs => ?) - now())))
                        ELSE 0 END
              FROM (SELECT at FROM login_attempt
                     WHERE ip = ?::inet AND NOT success AND at > now() - make_interval(secs => ?)
                     ORDER BY at DESC LIMIT ?) f""";
    private static final String RECORD = "INSERT INTO login_attempt (account_key, ip, success) VALUES (?, ?::inet, ?)";
    private static final String FORGET = "DELETE FROM login_attempt WHERE at < now() - interval '1 day'";

    private final DataSource ds;

    public LoginThrottle(DataSource ds) {
        this.ds = ds;
    }

    /** 0 when an attempt may go ahead, else the seconds to wait. */
    public long retryAfter(String username, String ip) {
        String key = key(username);
        long window = WINDOW.toSeconds();
        long account = Sql.one(ds, ACCOUNT_WAIT, rs -> rs.getLong(1),
                ACCOUNT_FAILURES, window, key, window, key, ACCOUNT_FAILURES).orElse(0L);
        long address = ip == null ? 0 : Sql.one(ds, ADDRESS_WAIT, rs -> rs.getLong(1),
                ADDRESS_FAILURES, window, ip, window, ADDRESS_FAILURES).orElse(0L);
        return Math.max(account, address);
    }

    public void record(String username, String ip, boolean success) {
        Sql.update(ds, RECORD, key(username), ip, success);
        Sql.update(ds, FORGET);
    }

    static String key(String username) {
        return Sha256.hex(username.strip().toLowerCase(Locale.ROOT));
    }
}
