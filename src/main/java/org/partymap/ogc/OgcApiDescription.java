package org.partymap.ogc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.partymap.io.YamlResource;

/**
 * The OpenAPI 3.0 description of /ogc, generated from the collection table so that it can never
 * drift from what the server does: the generic paths of OGC API - Features, and for each
 * collection its own items path with its queryable properties and datetime where it has time.
 *
 * <p>Paths are relative to the server {@code <base>/ogc}: GDAL and QGIS look up
 * {@code /collections/{id}/items} in {@code paths} to learn a collection's filters, and QGIS reads
 * the page size limits from {@code components.parameters.limit}.
 */
public final class OgcApiDescription {

    /** Where /ogc's paths start on the server. */
    public static final String PREFIX = "/ogc";
    private static final String TAG = "OGC API - Features";
    private static final String COMPONENTS = "ogc/openapi.yaml";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OgcApiDescription() {
    }

    /** The paths of /ogc, relative to {@link #PREFIX}. */
    public static ObjectNode paths(CollectionCatalog catalog) {
        ObjectNode paths = NODES.objectNode();
        paths.set("/", operation("getLandingPage", "The landing page: links to the API definition, conformance and collections",
                List.of("f"), OgcUrls.JSON, "LandingPage", false));
        paths.set("/conformance", operation("getConformance", "The conformance classes this server implements",
                List.of("f"), OgcUrls.JSON, "ConfClasses", false));
        paths.set("/collections", operation("getCollections", "The public collections with their extents and links",
                List.of("f"), OgcUrls.JSON, "Collections", false));
        paths.set("/collections/{collectionId}", operation("describeCollection", "One collection",
                List.of("collectionId", "f"), OgcUrls.JSON, "Collection", true));
        ObjectNode items = operation("getFeatures", "A page of a collection's features. Each collection also takes "
                        + "?property=value on its queryables (see its own path and /queryables); datetime applies to "
                        + "collections with time only.",
                List.of("collectionId", "limit", "offset", "bbox", "datetime", "f"), OgcUrls.GEOJSON, "FeatureCollectionGeoJSON", true);
        paths.set("/collections/{collectionId}/items", items);
        paths.set("/collections/{collectionId}/items/{featureId}", operation("getFeature", "One feature",
                List.of("collectionId", "featureId", "f"), OgcUrls.GEOJSON, "FeatureGeoJSON", true));
        paths.set("/collections/{collectionId}/queryables", operation("getQueryables",
                "The properties a client may filter on with ?name=value (JSON Schema)",
                List.of("collectionId", "f"), OgcUrls.SCHEMA, "JsonSchema", true));
        paths.set("/collections/{collectionId}/schema", operation("getSchema", "The schema of the collection's features (JSON Schema)",
                List.of("collectionId", "f"), OgcUrls.SCHEMA, "JsonSchema", true));
        for (OgcCollection c : catalog.all()) {
            paths.set("/collections/" + c.id() + "/items", collectionItems(c));
        }
        return paths;
    }

    /**
     * The components /ogc's paths refer to: the fixed ones of {@code ogc/openapi.yaml}, the
     * collectionId parameter (an enum of the collections) and a typed feature collection schema
     * per collection.
     */
    public static ObjectNode components(CollectionCatalog catalog) {
        ObjectNode components = (ObjectNode) YamlResource.read(COMPONENTS);
        ObjectNode collectionId = ((ObjectNode) components.get("parameters")).putObject("collectionId")
                .put("name", "collectionId").put("in", "path").put("description", "the id of a collection").put("required", true);
        ArrayNode ids = collectionId.putObject("schema").put("type", "string").putArray("enum");
        catalog.all().forEach(c -> ids.add(c.id()));
        ObjectNode schemas = (ObjectNode) components.get("schemas");
        for (OgcCollection c : catalog.all()) {
            schemas.set("FeatureCollection_" + c.id(), featureCollection(c));
        }
        components.putObject("responses").set("OgcError", NODES.objectNode()
                .put("description", "An error: the OGC exception (code, description) with the members of a problem")
                .set("content", content(OgcUrls.JSON, "OgcException")));
        return components;
    }

    /** The generic feature collection, with this collection's geometry and typed properties. */
    private static ObjectNode featureCollection(OgcCollection c) {
        ObjectNode properties = NODES.objectNode().put("type", "object");
        ObjectNode each = properties.putObject("properties");
        c.properties().forEach(p -> each.set(p.name(), OgcDocuments.propertySchema(p)));
        ObjectNode feature = NODES.objectNode();
        ArrayNode featureAll = feature.putArray("allOf");
        featureAll.addObject().put("$ref", "#/components/schemas/FeatureGeoJSON");
        ObjectNode own = featureAll.addObject().put("type", "object");
        ObjectNode members = own.putObject("properties");
        members.set("properties", properties);
        members.putObject("geometry").put("type", "object").put("nullable", true)
                .put("description", "a GeoJSON " + c.geometryType() + " in CRS84");
        ObjectNode collection = NODES.objectNode().put("description", c.title());
        ArrayNode all = collection.putArray("allOf");
        all.addObject().put("$ref", "#/components/schemas/FeatureCollectionGeoJSON");
        all.addObject().put("type", "object").putObject("properties").putObject("features")
                .put("type", "array").set("items", feature);
        return collection;
    }

    private static ObjectNode collectionItems(OgcCollection c) {
        var names = new java.util.ArrayList<>(List.of("limit", "offset", "bbox"));
        if (c.time().isPresent()) {
            names.add("datetime");
        }
        names.add("f");
        ObjectNode item = operation("getFeatures_" + c.id(), c.title() + ": a page of features. " + c.description(),
                names, OgcUrls.GEOJSON, "FeatureCollection_" + c.id(), true);
        ArrayNode parameters = (ArrayNode) item.get("get").get("parameters");
        for (Property p : c.queryables()) {
            parameters.addObject()
                    .put("name", p.name())
                    .put("in", "query")
                    .put("description", p.title() + ": only features whose " + p.name() + " equals this value")
                    .put("required", false)
                    .put("style", "form")
                    .put("explode", false)
                    .set("schema", p.type().jsonSchema());
        }
        return item;
    }

    /** A GET path item: its parameters by name, its 200 response, and the errors it can give. */
    private static ObjectNode operation(String id, String summary, List<String> parameters, String type, String schema, boolean notFound) {
        ObjectNode get = NODES.objectNode();
        get.putArray("tags").add(TAG);
        get.put("summary", summary).put("operationId", id);
        ArrayNode params = get.putArray("parameters");
        parameters.forEach(p -> params.addObject().put("$ref", "#/components/parameters/" + p));
        ObjectNode responses = get.putObject("responses");
        ObjectNode ok = content(type, schema);
        ok.putObject(OgcUrls.HTML).putObject("schema").put("type", "string");
        responses.putObject("200").put("description", "OK, as JSON or (f=html) as HTML").set("content", ok);
        responses.putObject("400").put("$ref", "#/components/responses/OgcError");
        if (notFound) {
            responses.putObject("404").put("$ref", "#/components/responses/OgcError");
        }
        responses.putObject("500").put("$ref", "#/components/responses/OgcError");
        return (ObjectNode) NODES.objectNode().set("get", get);
    }

    private static ObjectNode content(String type, String schema) {
        ObjectNode content = NODES.objectNode();
        content.putObject(type).putObject("schema").put("$ref", "#/components/schemas/" + schema);
        return content;
    }
}
