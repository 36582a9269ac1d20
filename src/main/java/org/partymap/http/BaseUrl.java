package org.partymap.http;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address clients reach partymap at, for the absolute links of OGC API documents and the
 * servers of the OpenAPI description: PARTYMAP_PUBLIC_URL when set (behind a proxy, with a path
 * prefix), else the scheme and Host header of the request. A Host header that is not a plain
 * host[:port] is not echoed.
 */
public final class BaseUrl {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    private BaseUrl() {
    }

    /** Without a trailing slash, such as {@code http://127.0.0.1:7070}. */
    public static String of(Context ctx, Optional<URI> publicUrl) {
        if (publicUrl.isPresent()) {
            String url = publicUrl.get().toString();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        String host = ctx.host();
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost";
        }
        return ("https".equals(ctx.scheme()) ? "https" : "http") + "://" + host;
    }
}
