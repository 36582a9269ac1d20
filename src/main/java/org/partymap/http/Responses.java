package org.partymap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.http.Context;

/**
 * Response helpers: JSON text PostGIS has already written, or Java records written as snake_case JSON. Either way
 * the answer is in Jackson's compact spacing ({@link JsonText}), whichever wrote it.
 */
public final class Responses {

    public static final String GEOJSON = "application/geo+json";
    /** Records become JSON with snake_case member names, like the JSON PostGIS writes. */
    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Responses() {
    }

    public static void geojson(Context ctx, String body) {
        ctx.contentType(GEOJSON + "; charset=utf-8").result(JsonText.compact(body));
    }

    public static void json(Context ctx, String body) {
        ctx.contentType("application/json; charset=utf-8").result(JsonText.compact(body));
    }

    /**
     * Answers bytes kept per version (a layer, a community's notices, a post's activities): with
     * their strong {@code ETag} and {@code Cache-Control: no-cache}, and 304 without a body when
     * {@code If-None-Match} names the tag (weak comparison, as RFC 9110 asks for it). {@code body}
     * is asked for only when it is sent.
     */
    public static void kept(Context ctx, String etag, String type, java.util.function.Supplier<byte[]> body) {
        ctx.header("ETag", etag).header("Cache-Control", "no-cache");
        if (named(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(type).result(body.get());
    }

    /**
     * The same for bytes kept with their gzip beside them: the gzip to a client that accepts it
     * ({@code Content-Encoding} set, so the server does not compress again), the plain bytes to
     * the others; {@code Vary: Accept-Encoding} either way.
     */
    public static void kept(Context ctx, String etag, String type, byte[] plain, byte[] gzip) {
        ctx.header("Vary", "Accept-Encoding");
        kept(ctx, etag, type, () -> {
            if (acceptsGzip(ctx.header("Accept-Encoding"))) {
                ctx.header("Content-Encoding", "gzip");
                return gzip;
            }
            return plain;
        });
    }

    /** Whether an {@code Accept-Encoding} admits gzip (named without {@code q=0}, or {@code *}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.strip().split(";");
            String coding = p[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                boolean refused = false;
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].strip().replace(" ", "");
                    refused |= q.matches("q=0(\\.0{0,3})?");
                }
                return !refused;
            }
        }
        return false;
    }

    /** A strong entity tag for bytes: {@code "prefix} and the first 128 bits of their SHA-256 in hex{@code "}. */
    public static String entityTag(String prefix, byte[] body) {
        try {
            return "\"" + prefix + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static boolean named(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Writes a record, list or map as JSON. */
    public static void jsonOf(Context ctx, Object value) {
        json(ctx, toJson(value));
    }

    /** A record, list or map as the JSON text {@link #jsonOf} would answer (for a server-sent event, say). */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
