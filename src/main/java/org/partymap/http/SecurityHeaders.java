package org.partymap.http;

import io.javalin.config.JavalinConfig;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every response carries, pages and API alike: a Content-Security-Policy that allows
 * no inline script or style and nothing from elsewhere (but configured map tile hosts for
 * images), no MIME sniffing, no referrer leaving the site, no framing, and on https a Strict
 * Transport Security promise. Jetty's own error responses get them too (see {@link JettyErrors}).
 */
public final class SecurityHeaders {

    private final Map<String, String> headers;

    /**
     * @param imageHosts extra origins images may come from, such as a tile server
     *                   ({@code https://tiles.example.org}); empty for none
     * @param https      whether users reach partymap over https
     */
    public SecurityHeaders(Collection<String> imageHosts, boolean https) {
        var h = new LinkedHashMap<String, String>();
        h.put("Content-Security-Policy", String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src " + String.join(" ", "'self'", "data:", String.join(" ", imageHosts)).strip(),
                "connect-src 'self'",
                "font-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'"));
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        // residents share their location to find their grid; nothing else is needed
        h.put("Permissions-Policy", "geolocation=(self), camera=(), microphone=(), payment=(), usb=()");
        if (https) {
            h.put("Strict-Transport-Security", "max-age=31536000");
        }
        this.headers = Map.copyOf(h);
    }

    public void install(JavalinConfig cfg) {
        cfg.routes.before(ctx -> headers.forEach(ctx::header));
    }

    /** Writes every header through {@code set}: for responses written outside Javalin. */
    public void applyTo(BiConsumer<String, String> set) {
        headers.forEach(set);
    }

    public Map<String, String> headers() {
        return headers;
    }
}
