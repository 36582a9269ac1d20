package org.partymap.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.partymap.StartupException;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;
import org.partymap.io.YamlResource;

/**
 * The collections of /ogc, read from {@code ogc/collections.yaml}: the allow-list of every
 * identifier (view, column) that reaches SQL. A definition that does not hold together fails at
 * start, naming the collection, and so does one whose view or columns the database lacks.
 */
public final class CollectionCatalog {

    public static final String RESOURCE = "ogc/collections.yaml";
    /** Collection ids, views and columns: lower case, so that they never need quoting rules. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final List<String> GEOMETRY_TYPES = List.of(
            "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");

    private static final String VIEW_COLUMNS = """
            SELECT table_name, column_name, data_type, udt_name
              FROM information_schema.columns
             WHERE table_schema = 'ogc'""";

    private final Map<String, OgcCollection> byId;

    private CollectionCatalog(Map<String, OgcCollection> byId) {
        this.byId = byId;
    }

    /** The collections that ship with partymap. */
    public static CollectionCatalog load() {
        return of(YamlResource.read(RESOURCE));
    }

    /** Reads a collection table; a definition that does not hold together throws IllegalArgumentException. */
    public static CollectionCatalog of(JsonNode table) {
        if (!table.isArray() || table.isEmpty()) {
            throw new IllegalArgumentException("the collection table must be a non-empty list");
        }
        var byId = new LinkedHashMap<String, OgcCollection>();
        for (JsonNode row : table) {
            OgcCollection c = collection(row);
            if (byId.put(c.id(), c) != null) {
                throw new IllegalArgumentException("collection " + c.id() + " is defined twice");
            }
        }
        return new CollectionCatalog(byId);
    }

    public List<OgcCollection> all() {
        return List.copyOf(byId.values());
    }

    public Optional<OgcCollection> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The collection, or a 404 that says which ones exist. */
    public OgcCollection get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("collection-not-found",
                "there is no collection '" + id + "'; the collections are " + String.join(", ", byId.keySet())));
    }

    /**
     * Checks every definition against the database: its view exists in the schema {@code ogc} with
     * an id, a geometry column geom and every column the definition names, of a fitting type.
     */
    public void verify(DataSource ds) {
        var columns = new LinkedHashMap<String, Map<String, String>>();
        for (String[] row : Sql.list(ds, VIEW_COLUMNS, rs -> new String[] {rs.getString(1), rs.getString(2),
                "USER-DEFINED".equals(rs.getString(3)) ? rs.getString(4) : rs.getString(3)})) {
            columns.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], row[2]);
        }
        var problems = new ArrayList<String>();
        for (OgcCollection c : byId.values()) {
            Map<String, String> view = columns.get(c.view());
            if (view == null) {
                problems.add(c.id() + ": there is no view ogc." + c.view());
                continue;
            }
            expect(problems, c, view, "id", PropertyType.INTEGER);
            if (!"geometry".equals(view.get("geom"))) {
                problems.add(c.id() + ": ogc." + c.view() + " has no geometry column geom");
            }
            c.where().keySet().forEach(col -> expect(problems, c, view, col, PropertyType.STRING));
            c.time().ifPresent(t -> {
                expect(problems, c, view, t.start(), PropertyType.DATE_TIME);
                t.end().ifPresent(end -> expect(problems, c, view, end, PropertyType.DATE_TIME));
            });
            c.properties().forEach(p -> expect(problems, c, view, p.name(), p.type()));
        }
        if (!problems.isEmpty()) {
            throw new StartupException("the OGC collections do not match the database:\n  " + String.join("\n  ", problems));
        }
    }

    private static void expect(List<String> problems, OgcCollection c, Map<String, String> view, String column, PropertyType type) {
        String actual = view.get(column);
        if (actual == null) {
            problems.add(c.id() + ": ogc." + c.view() + " has no column " + column);
        } else if (!type.fits(actual)) {
            problems.add(c.id() + ": ogc." + c.view() + "." + column + " is " + actual + ", not " + type.code());
        }
    }

    private static OgcCollection collection(JsonNode row) {
        String id = identifier(row, "id", "a collection");
        String where = "collection " + id;
        String geometry = text(row, "geometry", where);
        if (!GEOMETRY_TYPES.contains(geometry)) {
            throw new IllegalArgumentException(where + ": geometry must be one of " + GEOMETRY_TYPES + ", not " + geometry);
        }
        var fixed = new LinkedHashMap<String, String>();
        row.path("where").properties().forEach(e -> {
            check(e.getKey(), where + ": where");
            fixed.put(e.getKey(), e.getValue().asText());
        });
        var properties = new ArrayList<Property>();
        for (JsonNode p : row.path("properties")) {
            String name = identifier(p, "name", where + ": a property");
            PropertyType type = PropertyType.parse(text(p, "type", where + ": property " + name));
            boolean queryable = p.path("queryable").asBoolean(false);
            if (queryable && !type.isSimple()) {
                throw new IllegalArgumentException(where + ": property " + name + " is " + type.code() + " and cannot be queryable");
            }
            if (name.equals("id") || properties.stream().anyMatch(q -> q.name().equals(name))) {
                throw new IllegalArgumentException(where + ": property " + name + " is the feature id or listed twice");
            }
            properties.add(new Property(name, type, p.path("title").asText(name), queryable));
        }
        if (properties.isEmpty()) {
            throw new IllegalArgumentException(where + " publishes no properties");
        }
        return new OgcCollection(id, text(row, "title", where), row.path("description").asText(""),
                identifier(row, "view", where), geometry, Map.copyOf(fixed), temporal(row.path("time"), where),
                List.copyOf(properties));
    }

    private static Optional<Temporal> temporal(JsonNode time, String where) {
        if (time.isMissingNode() || time.isNull()) {
            return Optional.empty();
        }
        if (time.has("instant")) {
            return Optional.of(Temporal.instant(identifier(time, "instant", where + ": time")));
        }
        return Optional.of(Temporal.interval(identifier(time, "start", where + ": time"), identifier(time, "end", where + ": time")));
    }

    private static String identifier(JsonNode node, String field, String where) {
        return check(text(node, field, where), where + ": " + field);
    }

    private static String check(String value, String where) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(where + " '" + value + "' must be lower-case letters, digits and _");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs " + field);
        }
        return v.asText();
    }
}
