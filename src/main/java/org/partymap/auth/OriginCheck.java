package org.partymap.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a state-changing request that a browser sent on behalf of another site (a forged
 * form, a cross-site fetch). Browsers mark such requests: {@code Sec-Fetch-Site} says whether the
 * page that sent it is on this origin, and {@code Origin} names that page's origin. A request
 * passes when Sec-Fetch-Site (if sent) is {@code same-origin} or {@code none} and Origin (if
 * sent) is this server — the Host the request was sent to, or {@code PARTYMAP_PUBLIC_URL}
 * behind a proxy that changes Host. A request with neither header does not come from a browser
 * and so carries no victim's cookie (SameSite=Strict keeps it out of cross-site requests anyway);
 * command-line clients and scripts send neither.
 */
final class OriginCheck {

    private final Optional<String> publicOrigin;

    OriginCheck(Optional<URI> publicUrl) {
        this.publicOrigin = publicUrl.map(u -> origin(u.getScheme(), u.getRawAuthority()));
    }

    /** Why the request is refused, or empty when it may go ahead. */
    Optional<String> refusal(String origin, String secFetchSite, String host) {
        if (secFetchSite != null) {
            String site = secFetchSite.strip().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return Optional.of("a " + site + " request may not change anything here (Sec-Fetch-Site: " + site + ")");
            }
        }
        if (origin == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return Optional.of("a request from origin '" + origin + "' may not change anything here");
            }
            String from = origin(uri.getScheme(), uri.getRawAuthority());
            boolean sameHost = host != null && uri.getRawAuthority().equalsIgnoreCase(host.strip());
            if (sameHost || publicOrigin.map(from::equals).orElse(false)) {
                return Optional.empty();
            }
            return Optional.of("a request from " + from + " may not change anything here");
        } catch (URISyntaxException e) {
            return Optional.of("the Origin header is not an origin");
        }
    }

    private static String origin(String scheme, String authority) {
        return scheme.toLowerCase(Locale.ROOT) + "://" + authority.toLowerCase(Locale.ROOT);
    }
}
