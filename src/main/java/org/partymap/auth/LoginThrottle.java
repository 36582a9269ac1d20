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
 * <p>An attempt that comes with a valid device cookie of the account it names ({@link DeviceCookie})
 * is counted per device and only there: {@link #DEVICE_FAILURES} failures of that device within
 * the window lock the device itself, and neither the account's nor the address's failures hold
 * it back. So knocking from elsewhere locks out only browsers the account has never logged in
 * from. The account's count is of attempts without a device, since the last success without
 * one: a login from a known device does not give the attacker a fresh five.
 *
 * <p>Attempts are keyed by the SHA-256 of the lower-cased name as typed: names that are no
 * account are throttled the same way (the answer does not tell them apart), and a password typed
 * into the name field by mistake is never stored.
 */
public final class LoginThrottle {

    public static final int ACCOUNT_FAILURES = 5;
    public static final int ADDRESS_FAILURES = 30;
    public static final int DEVICE_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** Seconds until the n-th most recent failure leaves the window, when there are n of them. */
    private static final String ACCOUNT_WAIT = """
            SELECT CASE WHEN count(*) >= ? THEN greatest(1, ceil(extract(epoch FROM min(at) + make_interval(secs => ?) - now())))
                        ELSE 0 END
              FROM (SELECT at FROM login_attempt
                     WHERE account_key = ? AND device_key IS NULL AND NOT success AND at > now() - make_interval(secs => ?)
                       AND at > coalesce((SELECT max(at) FROM login_attempt WHERE account_key = ? AND device_key IS NULL AND success), '-infinity')
                     ORDER BY at DESC LIMIT ?) f""";
    private static final String ADDRESS_WAIT = """
            SELECT CASE WHEN count(*) >= ? THEN greatest(1, ceil(extract(epoch FROM min(at) + make_interval(secs => ?) - now())))
                        ELSE 0 END
              FROM (SELECT at FROM login_attempt
                     WHERE ip = ?::inet AND device_key IS NULL AND NOT success AND at > now() - make_interval(secs => ?)
                     ORDER BY at DESC LIMIT ?) f""";
    private static final String DEVICE_WAIT = """
            SELECT CASE WHEN count(*) >= ? THEN greatest(1, ceil(extract(epoch FROM min(at) + make_interval(secs => ?) - now())))
                        ELSE 0 END
              FROM (SELECT at FROM login_attempt
                     WHERE device_key = ? AND NOT success AND at > now() - make_interval(secs => ?)
                       AND at > coalesce((SELECT max(at) FROM login_attempt WHERE device_key = ? AND success), '-infinity')
                     ORDER BY at DESC LIMIT ?) f""";
    private static final String RECORD = "INSERT INTO login_attempt (account_key, ip, device_key, success) VALUES (?, ?::inet, ?, ?)";
    private static final String FORGET = "DELETE FROM login_attempt WHERE at < now() - interval '1 day'";

    private final DataSource ds;

    public LoginThrottle(DataSource ds) {
        this.ds = ds;
    }

    /**
     * 0 when an attempt may go ahead, else the seconds to wait.
     *
     * @param device the device key of a valid device cookie of this account, or null for none
     */
    public long retryAfter(String username, String ip, String device) {
        String key = key(username);
        long window = WINDOW.toSeconds();
        if (device != null) {
            return Sql.one(ds, DEVICE_WAIT, rs -> rs.getLong(1),
                    DEVICE_FAILURES, window, device, window, device, DEVICE_FAILURES).orElse(0L);
        }
        long account = Sql.one(ds, ACCOUNT_WAIT, rs -> rs.getLong(1),
                ACCOUNT_FAILURES, window, key, window, key, ACCOUNT_FAILURES).orElse(0L);
        long address = ip == null ? 0 : Sql.one(ds, ADDRESS_WAIT, rs -> rs.getLong(1),
                ADDRESS_FAILURES, window, ip, window, ADDRESS_FAILURES).orElse(0L);
        return Math.max(account, address);
    }

    /** @param device as for {@link #retryAfter}: the attempt is counted for that device, or for everyone else's when null */
    public void record(String username, String ip, String device, boolean success) {
        Sql.update(ds, RECORD, key(username), ip, device, success);
        Sql.update(ds, FORGET);
    }

    static String key(String username) {
        return Sha256.hex(username.strip().toLowerCase(Locale.ROOT));
    }
}
