package org.partymap.map;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import org.partymap.Config.ConfigException;

/**
 * An external raster tile service drawn under partymap's layers instead of its own basemap
 * (PARTYMAP_TILE_*). Chinese published maps must show their map approval number (审图号), so it
 * travels with the attribution.
 *
 * @param url          a template with {z}, {x}, {y} and optionally {s}
 * @param subdomains   the values of {s}, e.g. "1234"; empty when the template has no {s}
 * @param attribution  plain text shown in the map's corner
 * @param approval     the 审图号, e.g. "GS(2024)0650号"; empty when not given
 * @param crs          the datum of the tiles: wgs84, or gcj02 (AMap, Tencent) — then partymap shifts
 *                     its own layers by the GCJ-02 offset so that they line up
 * @param maxZoom      the deepest zoom level the service has
 */
public record TileSource(String url, String subdomains, String attribution, String approval, String crs, int maxZoom) {

    public static final String WGS84 = "wgs84";
    public static final String GCJ02 = "gcj02";

    /** The tile service the environment names, or empty when PARTYMAP_TILE_URL is not set. */
    public static Optional<TileSource> fromEnv(Map<String, String> env) {
        Optional<String> url = text(env, "PARTYMAP_TILE_URL");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String template = checkUrl(url.get());
        String subdomains = text(env, "PARTYMAP_TILE_SUBDOMAINS").orElse(template.contains("{s}") ? "abc" : "");
        if (!subdomains.matches("[A-Za-z0-9]*")) {
            throw new ConfigException("PARTYMAP_TILE_SUBDOMAINS must be letters or digits, one per subdomain (e.g. 1234), not '" + subdomains + "'");
        }
        String crs = text(env, "PARTYMAP_TILE_CRS").orElse(WGS84).toLowerCase(java.util.Locale.ROOT);
        if (!crs.equals(WGS84) && !crs.equals(GCJ02)) {
            throw new ConfigException("PARTYMAP_TILE_CRS must be wgs84 or gcj02, not '" + crs + "'");
        }
        String maxZoomText = text(env, "PARTYMAP_TILE_MAX_ZOOM").orElse("18");
        int maxZoom;
        try {
            maxZoom = Integer.parseInt(maxZoomText);
        } catch (NumberFormatException e) {
            throw new ConfigException("PARTYMAP_TILE_MAX_ZOOM must be a whole number, not '" + maxZoomText + "'");
        }
        if (maxZoom < 1 || maxZoom > 22) {
            throw new ConfigException("PARTYMAP_TILE_MAX_ZOOM must be between 1 and 22, not " + maxZoom);
        }
        return Optional.of(new TileSource(template, subdomains,
                limited(env, "PARTYMAP_TILE_ATTRIBUTION", 300), limited(env, "PARTYMAP_TILE_APPROVAL", 64), crs, maxZoom));
    }

    /**
     * The CSP source that allows the browser to load the tiles: the template's scheme and host,
     * with the label holding {s} widened to a wildcard ({@code https://*.is.autonavi.com}).
     */
    public String cspSource() {
        URI uri = URI.create(url.replace("{s}", "s").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        String host = url.substring(url.indexOf("//") + 2).split("[/:]", 2)[0];
        if (host.contains("{s}")) {
            host = "*" + host.substring(host.indexOf('.', host.indexOf("{s}")));
        }
        return uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static String checkUrl(String url) {
        String probe = url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0").replace("{r}", "");
        try {
            URI uri = new URI(probe);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException("PARTYMAP_TILE_URL must be an http(s) URL template, not '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("PARTYMAP_TILE_URL is not a URL template: " + e.getMessage());
        }
        for (String part : new String[] {"{z}", "{x}", "{y}"}) {
            if (!url.contains(part)) {
                throw new ConfigException("PARTYMAP_TILE_URL must contain {z}, {x} and {y}; " + part + " is missing in '" + url + "'");
            }
        }
        return url;
    }

    private static String limited(Map<String, String> env, String name, int max) {
        String value = text(env, name).orElse("");
        if (value.length() > max || value.chars().anyMatch(ch -> ch < 0x20)) {
            throw new ConfigException(name + " must be one line of at most " + max + " characters");
        }
        return value;
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
