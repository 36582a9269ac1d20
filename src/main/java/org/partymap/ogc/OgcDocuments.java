package org.partymap.ogc;

import static org.partymap.ogc.OgcUrls.link;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The JSON documents of /ogc other than features: the landing page, the conformance declaration,
 * the collections and their queryables and schemas, with their links.
 */
final class OgcDocuments {

    static final String TITLE = "partymap 线上党建地图 — OGC API - Features";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
    static final String JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OgcDocuments() {
    }

    static ObjectNode landing(OgcUrls u) {
        ObjectNode doc = NODES.objectNode()
                .put("title", TITLE)
                .put("description", "The public layers of a district's grid governance: subdistricts, communities, "
                        + "grids and their party branches, party groups, service posts and rooms, streets, estates, "
                        + "buildings and standard addresses. Residents' records are personal data and are not published.");
        doc.putArray("links").addAll(List.of(
                link(OgcUrls.json(u.landing()), "self", OgcUrls.JSON, "this document"),
                link(OgcUrls.html(u.landing()), "alternate", OgcUrls.HTML, "this document as HTML"),
                link(u.openApi(), "service-desc", OgcUrls.OPENAPI, "the API definition (OpenAPI 3.0)"),
                link(u.apiPage(), "service-doc", OgcUrls.HTML, "the API documentation"),
                link(u.conformance(), "conformance", OgcUrls.JSON, "the conformance classes implemented"),
                link(u.conformance(), OgcUrls.REL_CONFORMANCE, OgcUrls.JSON, "the conformance classes implemented"),
                link(u.collections(), "data", OgcUrls.JSON, "the collections"),
                link(u.collections(), OgcUrls.REL_DATA, OgcUrls.JSON, "the collections")));
        return doc;
    }

    static ObjectNode conformance() {
        ObjectNode doc = NODES.objectNode();
        CONFORMANCE.forEach(doc.putArray("conformsTo")::add);
        return doc;
    }

    static ObjectNode collections(OgcUrls u, List<ObjectNode> collections) {
        ObjectNode doc = NODES.objectNode();
        doc.putArray("links").addAll(List.of(
                link(OgcUrls.json(u.collections()), "self", OgcUrls.JSON, "the collections"),
                link(OgcUrls.html(u.collections()), "alternate", OgcUrls.HTML, "the collections as HTML")));
        doc.putArray("collections").addAll(collections);
        return doc;
    }

    static ObjectNode collection(OgcUrls u, OgcCollection c, FeatureRepository.Extent extent) {
        ObjectNode doc = NODES.objectNode()
                .put("id", c.id())
                .put("title", c.title())
                .put("description", c.description())
                .put("itemType", "feature");
        doc.putArray("crs").add(CRS84);
        doc.put("storageCrs", CRS84);
        ObjectNode ext = doc.putObject("extent");
        extent.box().ifPresent(box -> {
            ObjectNode spatial = ext.putObject("spatial");
            spatial.putArray("bbox").addArray()
                    .add(outward(box.getMinX(), RoundingMode.FLOOR)).add(outward(box.getMinY(), RoundingMode.FLOOR))
                    .add(outward(box.getMaxX(), RoundingMode.CEILING)).add(outward(box.getMaxY(), RoundingMode.CEILING));
            spatial.put("crs", CRS84);
        });
        if (c.time().isPresent() && extent.first().isPresent()) {
            ObjectNode temporal = ext.putObject("temporal");
            ArrayNode interval = temporal.putArray("interval").addArray();
            interval.add(instant(extent.first()));
            interval.add(instant(extent.last()));
            temporal.put("trs", GREGORIAN);
        }
        doc.putArray("links").addAll(List.of(
                link(OgcUrls.json(u.collection(c.id())), "self", OgcUrls.JSON, "this collection"),
                link(OgcUrls.html(u.collection(c.id())), "alternate", OgcUrls.HTML, "this collection as HTML"),
                link(OgcUrls.json(u.items(c.id())), "items", OgcUrls.GEOJSON, "the features of " + c.title()),
                link(OgcUrls.html(u.items(c.id())), "items", OgcUrls.HTML, "the features of " + c.title() + " as HTML"),
                link(u.schema(c.id()), "describedby", OgcUrls.SCHEMA, "the schema of its features"),
                link(u.queryables(c.id()), OgcUrls.REL_QUERYABLES, OgcUrls.SCHEMA, "the properties to filter on")));
        return doc;
    }

    /** Part 3: the properties that {@code ?name=value} filters on. */
    static ObjectNode queryables(OgcUrls u, OgcCollection c) {
        ObjectNode doc = schemaHeader(u.queryables(c.id()), "Queryables of " + c.title());
        ObjectNode properties = doc.putObject("properties");
        c.queryables().forEach(p -> properties.set(p.name(), propertySchema(p)));
        doc.put("additionalProperties", false);
        return doc;
    }

    /** The schema of the collection's features (as OGC API - Features Part 5 draws it). */
    static ObjectNode schema(OgcUrls u, OgcCollection c) {
        ObjectNode doc = schemaHeader(u.schema(c.id()), c.title());
        ObjectNode properties = doc.putObject("properties");
        properties.putObject("id").put("x-ogc-role", "id").put("type", "integer").put("title", "feature id");
        properties.putObject("geometry").put("x-ogc-role", "primary-geometry")
                .put("format", "geometry-" + c.geometryType().toLowerCase(java.util.Locale.ROOT));
        c.properties().forEach(p -> {
            ObjectNode s = propertySchema(p);
            c.time().ifPresent(t -> {
                if (p.name().equals(t.start())) {
                    s.put("x-ogc-role", t.isInterval() ? "primary-interval-start" : "primary-instant");
                } else if (t.end().filter(p.name()::equals).isPresent()) {
                    s.put("x-ogc-role", "primary-interval-end");
                }
            });
            properties.set(p.name(), s);
        });
        return doc;
    }

    static ObjectNode propertySchema(Property p) {
        return p.type().jsonSchema().put("title", p.title());
    }

    private static ObjectNode schemaHeader(String id, String title) {
        return NODES.objectNode()
                .put("$schema", JSON_SCHEMA)
                .put("$id", id)
                .put("type", "object")
                .put("title", title);
    }

    /** A bounding coordinate to 7 decimals (1 cm), rounded away from the box's inside. */
    private static double outward(double degrees, RoundingMode mode) {
        return BigDecimal.valueOf(degrees).setScale(7, mode).doubleValue();
    }

    /** RFC 3339 in UTC, or null for an open end. */
    static String instant(Optional<OffsetDateTime> t) {
        return t.map(v -> v.atZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT)).orElse(null);
    }
}
