package org.partymap.http;

import io.javalin.config.JavalinConfig;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a query string that cannot mean anything: a '%' not followed by two hex digits, bytes
 * that are not UTF-8 (percent-encoded or raw), control characters. Left alone, such a parameter would be dropped or
 * turned into replacement characters on the way into the handler, and the request answered as
 * if it had not been sent.
 */
public final class QueryCheck {

    private QueryCheck() {
    }

    public static void install(JavalinConfig cfg) {
        cfg.routes.before(ctx -> problem(ctx.queryString()).ifPresent(why -> {
            throw ApiException.badRequest("bad-query", why);
        }));
    }

    /** What is wrong with a raw query string, or empty. */
    static Optional<String> problem(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        var bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.of("the query string has a '%' that is not followed by two hex digits");
                }
                bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (ch > 0x7F) {
                // sent raw (curl does): Jetty has decoded it already; take it back to bytes
                int end = Character.isHighSurrogate(ch) && i + 1 < raw.length() ? i + 2 : i + 1;
                bytes.put(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            } else {
                bytes.put((byte) ch);
            }
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("the query string is not valid UTF-8");
        }
        if (decoded.indexOf('\uFFFD') >= 0) {
            return Optional.of("the query string is not valid UTF-8");
        }
        if (decoded.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) {
            return Optional.of("the query string contains control characters");
        }
        return Optional.empty();
    }
}
