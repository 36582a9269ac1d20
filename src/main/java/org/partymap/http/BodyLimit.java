package org.partymap.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to an explicit limit, for the endpoints that take more than the 1 MB
 * every other body is held to ({@code cfg.http.maxRequestSize}): a declared Content-Length above
 * the limit is refused before anything is read, and a body that turns out longer is refused
 * as soon as it passes the limit.
 */
public final class BodyLimit {

    private BodyLimit() {
    }

    public static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable-body", "the body could not be read to its end");
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return ApiException.tooLarge("the body is larger than this endpoint accepts (" + describe(maxBytes) + ")");
    }

    static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " kB" : bytes + " bytes";
    }
}
