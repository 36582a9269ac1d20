package org.partymap.auth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * The device cookie of OWASP's "Slow down online guessing attacks with device cookies": a
 * browser that logged in as an account carries {@code <account id>.<nonce>.<HMAC-SHA256>}, signed
 * with a key only the server knows ({@code app_secret.device_cookie}, written once by the first
 * node that starts and shared by all). Login attempts that come with a valid cookie of the
 * account they name are counted per device ({@link LoginThrottle}), so failures from elsewhere
 * never lock that device out. The cookie proves nothing else: it is no session, and a copy of it
 * only lets its holder be throttled as that device.
 *
 * <p>One cookie per browser, for the account that logged in last; every successful login writes a
 * fresh one. HttpOnly, SameSite=Strict, Path=/ and, over https, Secure with the {@code __Host-}
 * prefix, like the session cookie.
 */
public final class DeviceCookie {

    /** How long a browser stays a known device without logging in again. */
    public static final Duration MAX_AGE = Duration.ofDays(180);
    static final String SECRET_NAME = "device_cookie";

    private static final String CREATE_SECRET = "INSERT INTO app_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING";
    private static final String READ_SECRET = "SELECT value FROM app_secret WHERE name = ?";
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,9})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final boolean secure;
    private final SecretKeySpec key;

    /** Reads the signing key from the database, writing a random one first if there is none. */
    public DeviceCookie(DataSource ds, boolean secure) {
        this.secure = secure;
        this.name = secure ? "__Host-partymap-device" : "partymap_device";
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Sql.update(ds, CREATE_SECRET, SECRET_NAME, fresh);
        byte[] secret = Sql.one(ds, READ_SECRET, rs -> rs.getBytes(1), SECRET_NAME).orElseThrow();
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String name() {
        return name;
    }

    /**
     * The device's key for {@code login_attempt.device_key} (SHA-256 of the nonce) when the request
     * carries a well-signed cookie of this account; empty for none, a forged one or another
     * account's.
     */
    public Optional<String> device(Context ctx, int accountId) {
        return device(ctx.cookie(name), accountId);
    }

    Optional<String> device(String value, int accountId) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) != accountId) {
            return Optional.empty();
        }
        byte[] given = Base64.getUrlDecoder().decode(m.group(3));
        if (!MessageDigest.isEqual(given, mac(accountId, m.group(2)))) {
            return Optional.empty();
        }
        return Optional.of(Sha256.hex(m.group(2)));
    }

    /** Gives the browser a new cookie for the account that just logged in. */
    public void write(Context ctx, int accountId) {
        ctx.res().addHeader("Set-Cookie", name + "=" + issue(accountId) + "; Path=/; Max-Age=" + MAX_AGE.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    String issue(int accountId) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return accountId + "." + nonce + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(accountId, nonce));
    }

    private byte[] mac(int accountId, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("partymap device\n" + accountId + "\n" + nonce).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
