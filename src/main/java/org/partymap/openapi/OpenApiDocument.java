package org.partymap.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.partymap.http.BaseUrl;
import org.partymap.io.YamlResource;

/**
 * One OpenAPI 3.0 document for {@code /api} and {@code /ogc}: the hand-written {@code /api} part
 * ({@code openapi/api.yaml}) merged with a generated part mounted under a path prefix (the OGC API).
 *
 * <p>The document's server is {@code <base>/ogc} and the OGC paths are relative to it
 * ({@code /collections/grids/items}), because that is where GDAL and QGIS look for them when the
 * document is the OGC landing page's service-desc. Every {@code /api} path carries its own server,
 * {@code <base>}, so its key stays the path people know ({@code /api/grids}). The base is the
 * request's (or PARTYMAP_PUBLIC_URL), filled in for each request.
 */
public final class OpenApiDocument {

    public static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.0";
    public static final String RESOURCE = "openapi/api.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode template;
    private final String mountedPrefix;
    private final Optional<URI> publicUrl;

    private OpenApiDocument(ObjectNode template, String mountedPrefix, Optional<URI> publicUrl) {
        this.template = template;
        this.mountedPrefix = mountedPrefix;
        this.publicUrl = publicUrl;
    }

    /** The shipped /api description with a generated part whose paths are relative to {@code prefix}. */
    public static OpenApiDocument build(String prefix, ObjectNode paths, ObjectNode components, Optional<URI> publicUrl) {
        return merge((ObjectNode) YamlResource.read(RESOURCE), prefix, paths, components, publicUrl);
    }

    /** Merges; a path or component defined by both parts is a mistake, reported at start. */
    static OpenApiDocument merge(ObjectNode api, String prefix, ObjectNode paths, ObjectNode components, Optional<URI> publicUrl) {
        ObjectNode doc = api.deepCopy();
        ObjectNode allPaths = (ObjectNode) doc.get("paths");
        allPaths.fieldNames().forEachRemaining(key -> {
            if (!key.startsWith("/api/")) {
                throw new IllegalStateException(RESOURCE + " describes " + key + ", which is not under /api/");
            }
        });
        paths.properties().forEach(e -> putNew(allPaths, e.getKey(), e.getValue(), "path"));
        ObjectNode allComponents = doc.has("components") ? (ObjectNode) doc.get("components") : doc.putObject("components");
        components.properties().forEach(group -> {
            ObjectNode target = allComponents.has(group.getKey())
                    ? (ObjectNode) allComponents.get(group.getKey()) : allComponents.putObject(group.getKey());
            group.getValue().properties().forEach(e -> putNew(target, e.getKey(), e.getValue(), group.getKey()));
        });
        return new OpenApiDocument(doc, prefix, publicUrl);
    }

    private static void putNew(ObjectNode target, String key, JsonNode value, String what) {
        if (target.has(key)) {
            throw new IllegalStateException("the OpenAPI " + what + " " + key + " is defined twice");
        }
        target.set(key, value);
    }

    /** The document for clients that reach the server at {@code base} (no trailing slash). */
    public ObjectNode forBase(String base) {
        ObjectNode doc = template.deepCopy();
        doc.putArray("servers").addObject().put("url", base + mountedPrefix)
                .put("description", "OGC API - Features; the /api paths name their own server");
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (path.getKey().startsWith("/api/")) {
                ((ObjectNode) path.getValue()).putArray("servers").addObject().put("url", base);
            }
        }
        return doc;
    }

    /** {@code GET /api/openapi.json}. */
    public void serve(Context ctx) throws JsonProcessingException {
        ctx.contentType(MEDIA_TYPE).result(JSON.writeValueAsBytes(forBase(BaseUrl.of(ctx, publicUrl))));
    }
}
