package org.partymap.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request, worked out once per request: the peer's address,
 * or, behind a proxy partymap is told to trust ({@code PARTYMAP_TRUST_PROXY}), the last
 * {@code X-Forwarded-For} entry — the one that proxy appended; earlier entries come from the
 * client and prove nothing. Rate limits, login throttling and the audit log all use it.
 */
public final class ClientIp {

    private static final String ATTRIBUTE = "partymap.clientIp";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientIp() {
    }

    public static void install(JavalinConfig cfg, boolean trustProxy) {
        cfg.routes.before(ctx -> ctx.attribute(ATTRIBUTE, resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), trustProxy)));
    }

    /** The client's address as an IP literal, for an {@code inet} column or a rate-limit key. */
    public static String of(Context ctx) {
        String ip = ctx.attribute(ATTRIBUTE);
        return ip != null ? ip : ctx.req().getRemoteAddr();
    }

    static String resolve(String peer, String forwardedFor, boolean trustProxy) {
        if (trustProxy && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            String last = hops[hops.length - 1].strip();
            if (isIpLiteral(last)) {
                return last;
            }
        }
        return strip(peer);
    }

    static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (text.indexOf(':') < 0 || !IPV6.matcher(text).matches()) {
            return false;
        }
        try {
            // with a ':' in it, the name is parsed as an IPv6 literal and never looked up
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String strip(String peer) {
        // Jetty gives IPv6 peers as [::1]
        return peer != null && peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1) : peer;
    }
}
