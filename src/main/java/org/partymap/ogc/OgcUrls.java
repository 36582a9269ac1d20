package org.partymap.ogc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The absolute URLs of /ogc's resources for one request's base address, and links to them. */
final class OgcUrls {

    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String SCHEMA = "application/schema+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String REL_CONFORMANCE = "http://www.opengis.net/def/rel/ogc/1.0/conformance";
    static final String REL_DATA = "http://www.opengis.net/def/rel/ogc/1.0/data";
    static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    private final String base;

    /** @param base the server's address without a trailing slash, such as http://127.0.0.1:7070 */
    OgcUrls(String base) {
        this.base = base;
    }

    String landing() {
        return base + "/ogc";
    }

    String conformance() {
        return landing() + "/conformance";
    }

    String collections() {
        return landing() + "/collections";
    }

    String collection(String id) {
        return collections() + "/" + id;
    }

    String items(String id) {
        return collection(id) + "/items";
    }

    String item(String id, long featureId) {
        return items(id) + "/" + featureId;
    }

    String queryables(String id) {
        return collection(id) + "/queryables";
    }

    String schema(String id) {
        return collection(id) + "/schema";
    }

    String openApi() {
        return base + "/api/openapi.json";
    }

    String apiPage() {
        return base + "/api.html";
    }

    /** The URL with query parameters, encoded. */
    static String query(String url, Map<String, String> params) {
        if (params.isEmpty()) {
            return url;
        }
        return url + "?" + params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String json(String url) {
        return url + "?f=json";
    }

    static String html(String url) {
        return url + "?f=html";
    }

    static ObjectNode link(String href, String rel, String type, String title) {
        return JsonNodeFactory.instance.objectNode().put("href", href).put("rel", rel).put("type", type).put("title", title);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
