package org.partymap.auth;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The session cookie: HttpOnly (no script can read it), SameSite=Strict (no other site's page
 * can make the browser send it), Path=/, and over https Secure with the {@code __Host-} prefix
 * (which the browser accepts only from this host, over https, for the whole site).
 */
public final class SessionCookie {

    private final String name;
    private final boolean secure;
    private final Duration maxAge;

    /** @param secure true when users reach partymap over https */
    public SessionCookie(boolean secure, Duration maxAge) {
        this.secure = secure;
        this.name = secure ? "__Host-partymap" : "partymap_session";
        this.maxAge = maxAge;
    }

    public String name() {
        return name;
    }

    public String read(Context ctx) {
        return ctx.cookie(name);
    }

    public void write(Context ctx, String token) {
        ctx.res().addHeader("Set-Cookie", value(token, maxAge.toSeconds()));
    }

    /** Tells the browser to forget the cookie. */
    public void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", value("", 0));
    }

    String value(String token, long maxAgeSeconds) {
        return name + "=" + token + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
