package org.partymap.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * Keeps /api/openapi.json in step with the route table: every route the app registers is
 * described, and every described operation is served. Add a route to App.create without
 * describing it in src/main/resources/openapi/api.yaml and the first test names it.
 */
class OpenApiRoutesIT {

    /** Sample values for path parameters, to ask the router whether it serves a described path. */
    private static final Map<String, String> SAMPLES = Map.of("collectionId", "grids", "featureId", "1", "id", "1");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private static Database db;
    private static TestServer server;
    private static JsonNode doc;
    private static String base;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = TestServer.start(db);
        HttpResponse<String> r = server.get("/api/openapi.json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/vnd.oai.openapi+json;version=3.0", r.headers().firstValue("Content-Type").orElse(""));
        doc = TestServer.json(r);
        base = server.uri("").toString();
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    /** The full path of a document path key: its server (the path's own, or the document's) plus the key. */
    private static String fullPath(String key) {
        JsonNode servers = doc.at("/paths").get(key).has("servers") ? doc.at("/paths").get(key).get("servers") : doc.get("servers");
        String server = servers.get(0).get("url").asText();
        assertTrue(server.startsWith(base), key + " has the server " + server);
        String prefix = server.substring(base.length());
        return key.equals("/") && !prefix.isEmpty() ? prefix : prefix + key;
    }

    private static String documentKey(String route) {
        for (var it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (fullPath(key).equals(route)) {
                return key;
            }
        }
        return null;
    }

    @Test
    void everyRouteOfTheAppIsInTheDocument() {
        var missing = new ArrayList<String>();
        for (String route : server.routes()) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            String key = documentKey(path);
            if (key == null || !doc.at("/paths").get(key).has(method)) {
                missing.add(route);
            }
        }
        assertEquals(List.of(), missing, "routes missing from the OpenAPI document (describe them in src/main/resources/openapi/api.yaml)");
        assertTrue(server.routes().size() >= 17, server.routes().toString());
    }

    @Test
    void everyOperationInTheDocumentIsServed() {
        var stale = new ArrayList<String>();
        doc.get("paths").properties().forEach(path -> METHODS.stream().filter(path.getValue()::has).forEach(method -> {
            String concrete = fullPath(path.getKey());
            for (var sample : SAMPLES.entrySet()) {
                concrete = concrete.replace("{" + sample.getKey() + "}", sample.getValue());
            }
            if (!server.serves(method.toUpperCase(java.util.Locale.ROOT), concrete)) {
                stale.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " (" + concrete + ")");
            }
        }));
        assertEquals(List.of(), stale, "operations in the OpenAPI document that no route serves");
    }

    @Test
    void everyReferenceResolves() {
        var broken = new ArrayList<String>();
        collectBrokenRefs(doc, "#", broken);
        assertEquals(List.of(), broken);
    }

    private static void collectBrokenRefs(JsonNode node, String where, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || doc.at(ref.asText().substring(1)).isMissingNode())) {
                broken.add(where + " → " + ref.asText());
            }
            node.properties().forEach(e -> collectBrokenRefs(e.getValue(), where + "/" + e.getKey(), broken));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectBrokenRefs(node.get(i), where + "/" + i, broken);
            }
        }
    }

    @Test
    void theDocumentIsOpenApi30WithUniqueOperationIdsAndDescribedResponses() {
        assertTrue(doc.get("openapi").asText().startsWith("3.0."));
        assertTrue(doc.at("/info/title").isTextual() && doc.at("/info/version").isTextual());
        var ids = new ArrayList<String>();
        doc.get("paths").forEach(item -> METHODS.stream().filter(item::has).forEach(m -> {
            JsonNode op = item.get(m);
            ids.add(op.get("operationId").asText());
            assertTrue(op.get("responses").has("200") || op.get("responses").has("201") || op.get("responses").has("202")
                    || op.get("responses").has("204"), op.toString());
            op.get("responses").forEach(r -> assertTrue(r.has("description") || r.has("$ref"), r.toString()));
        }));
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
    }

    @Test
    void ogcClientsFindTheirPathsRelativeToTheOgcServerAndTheLimits() {
        assertEquals(base + "/ogc", doc.at("/servers/0/url").asText());
        assertTrue(doc.at("/paths").has("/collections/{collectionId}/items"));
        JsonNode limit = doc.at("/components/parameters/limit/schema");
        assertEquals(10_000, limit.get("maximum").asInt());
        assertEquals(100, limit.get("default").asInt());
        JsonNode gridItems = doc.at("/paths/~1collections~1grids~1items/get/parameters");
        var names = new ArrayList<String>();
        gridItems.forEach(p -> names.add(p.has("name") ? p.get("name").asText() : p.get("$ref").asText()));
        assertTrue(names.contains("community_id") && names.contains("#/components/parameters/datetime"), names.toString());
        assertTrue(doc.at("/paths/~1collections~1streets~1items/get/parameters").toString().contains("class"));
        assertTrue(!doc.at("/paths/~1collections~1streets~1items/get/parameters").toString().contains("datetime"));
        assertEquals(base, doc.at("/paths/~1api~1grids/servers/0/url").asText());
    }
}
