package org.partymap.auth;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.partymap.http.ApiException;

/**
 * The private link of a resident without an account (a question, a booking): 128 random bits,
 * written base64url into the fragment of a link ({@code /ask.html#t=…}), so that it never reaches
 * a server log or a Referer. The page sends it back as {@code Authorization: Bearer …}; the
 * database keeps only its SHA-256, so a copy of the database opens no one's question.
 */
public final class LinkToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** A new token and the hash to store. */
    public record Issued(String token, String hash) {
    }

    private LinkToken() {
    }

    public static Issued issue() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        return new Issued(token, hash(token));
    }

    /** The stored form of a token: SHA-256 in lower-case hex. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }

    /**
     * The hash of the token this request carries in {@code Authorization: Bearer …}; 401 when there
     * is none or it is not of the form {@link #issue()} makes (so a malformed token costs no query).
     */
    public static String hashOf(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("link-token-required", "open the private link you were given (it carries your token)");
        }
        String token = header.substring(7).strip();
        if (!FORM.matcher(token).matches()) {
            throw ApiException.unauthorized("bad-link-token", "the private link is incomplete or mistyped; open it again from where you kept it");
        }
        return hash(token);
    }
}
