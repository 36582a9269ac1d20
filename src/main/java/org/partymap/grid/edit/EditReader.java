package org.partymap.grid.edit;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.partymap.geo.ChinaExtent;
import org.partymap.geo.GeometryLimits;
import org.partymap.http.ApiException;
import org.partymap.http.GeometryBody;
import org.partymap.http.JsonBody;

/**
 * Reads an edit from a JSON body. Every body has {@code kind} and, for a save, {@code reason};
 * the other members depend on the kind (positions are {@code [lon, lat]}, geometries GeoJSON):
 *
 * <pre>
 * move_blocks  from, to (grid ids), blocks: [[lon, lat], ...] (a point in each block)
 * split        grid, line (LineString), keep? ([lon, lat] in the part that keeps the grid), name?, snap?
 * merge        grid (keeps its code), other (retired)
 * redraw       community, moves: [{from: [lon, lat], to: [lon, lat]}, ...], snap?
 * reshape      grid, geometry (Polygon or MultiPolygon), snap?
 * attributes   grid, attributes: {name, kind, dedicated_to?, branch_name, leader_name?, leader_phone?, contacts?, duties?}
 * proposal     community, grids: [Polygon or MultiPolygon, ...] (the accepted grids of a proposal)
 * revert       grids: [{grid, version}, ...]
 * </pre>
 *
 * {@code snap} is the snapping tolerance in metres (0–25, default 5). Anything malformed is a 400
 * naming the member; an unusable geometry a 422 with its place.
 */
public final class EditReader {

    /** The edit and, for a save, the reason. */
    public record Request(GridEdit edit, String reason) {
    }

    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "move_blocks", Set.of("from", "to", "blocks"),
            "split", Set.of("grid", "line", "keep", "name", "snap"),
            "merge", Set.of("grid", "other"),
            "redraw", Set.of("community", "moves", "snap"),
            "reshape", Set.of("grid", "geometry", "snap"),
            "attributes", Set.of("grid", "attributes"),
            "proposal", Set.of("community", "grids"),
            "revert", Set.of("grids"));
    private static final Set<String> ALL = Set.of("kind", "reason", "from", "to", "blocks", "grid", "line", "keep", "name", "snap",
            "other", "community", "moves", "geometry", "attributes", "grids");
    private static final Set<String> ATTRIBUTES = Set.of("name", "kind", "dedicated_to", "branch_name", "leader_name", "leader_phone",
            "contacts", "duties");
    private static final Set<String> KINDS = Set.of("comprehensive", "dedicated");
    private static final Set<String> DEDICATED_TO = Set.of("office_building", "market", "campus", "other");
    private static final String PHONE = "[0-9+() -]{3,24}";
    private static final int MAX_POINTS = 500;

    private EditReader() {
    }

    /** @param reasonRequired a save needs a reason; a preview does not */
    public static Request read(Context ctx, boolean reasonRequired) {
        JsonBody body = JsonBody.of(ctx, ALL);
        String kind = body.text("kind", 20);
        Set<String> members = MEMBERS.get(kind);
        if (members == null) {
            throw bad("kind", "kind must be one of " + String.join(", ", MEMBERS.keySet().stream().sorted().toList()));
        }
        for (String m : ALL) {
            if (body.has(m) && !m.equals("kind") && !m.equals("reason") && !members.contains(m)) {
                throw bad(m, "a " + kind + " edit does not take " + m + "; it takes " + String.join(", ", members.stream().sorted().toList()));
            }
        }
        String reason = reasonRequired ? body.text("reason", 500) : body.optionalText("reason", 500).orElse(null);
        return new Request(edit(kind, body), reason);
    }

    private static GridEdit edit(String kind, JsonBody body) {
        return switch (kind) {
            case "move_blocks" -> new GridEdit.MoveBlocks(id(body, "from"), id(body, "to"), positions(body.node("blocks").orElse(null), "blocks"));
            case "split" -> new GridEdit.Split(id(body, "grid"), (LineString) geometry(body, "line", Set.of("LineString")),
                    body.node("keep").map(k -> position(k, "keep")).orElse(null), body.optionalText("name", 64).orElse(null), snap(body));
            case "merge" -> new GridEdit.Merge(id(body, "grid"), id(body, "other"));
            case "redraw" -> new GridEdit.Redraw(id(body, "community"), moves(body), snap(body));
            case "reshape" -> new GridEdit.Reshape(id(body, "grid"), geometry(body, "geometry", Set.of("Polygon", "MultiPolygon")), snap(body));
            case "attributes" -> new GridEdit.SetAttributes(id(body, "grid"), attributes(body.node("attributes").orElse(null)));
            case "proposal" -> new GridEdit.AcceptProposal(id(body, "community"), proposed(body));
            default -> new GridEdit.Revert(targets(body));
        };
    }

    private static int id(JsonBody body, String name) {
        return id(body.node(name).orElse(null), name);
    }

    private static int id(JsonNode v, String name) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw bad(name, name + " must be a positive whole number (an id)");
        }
        return v.asInt();
    }

    private static double snap(JsonBody body) {
        JsonNode v = body.node("snap").orElse(null);
        if (v == null) {
            return Snapper.DEFAULT_METRES;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0 || v.asDouble() > Snapper.MAX_METRES) {
            throw bad("snap", "snap is a tolerance in metres from 0 to " + (int) Snapper.MAX_METRES);
        }
        return v.asDouble();
    }

    private static Geometry geometry(JsonBody body, String name, Set<String> types) {
        JsonNode g = body.node(name).orElseThrow(() -> bad(name, name + " is required"));
        return polygonal(name, g, types);
    }

    /**
     * A geometry of the body; one that is not a valid polygon is refused as every edit is (422
     * {@code grid-invalid-geometry} with the reason and the place), so the page draws it alike.
     */
    private static Geometry polygonal(String name, JsonNode g, Set<String> types) {
        try {
            return GeometryBody.read(name, g, types, GeometryLimits.MAX_BODY_VERTICES);
        } catch (ApiException e) {
            if (e.status() != 422 || !e.toProblem().type().endsWith("/invalid-geometry")) {
                throw e;
            }
            Geometry parsed;
            try {
                parsed = new GeoJsonReader(Shapes.FACTORY).read(g.toString());
            } catch (ParseException | RuntimeException unreadable) {
                throw e;
            }
            throw Finding.invalid(parsed, null, name).map(f -> Refusals.of(List.of(f), List.of())).orElse(e);
        }
    }

    private static List<Coordinate> positions(JsonNode list, String name) {
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_POINTS) {
            throw bad(name, name + " must be a list of 1 to " + MAX_POINTS + " positions [lon, lat]");
        }
        var out = new ArrayList<Coordinate>();
        list.forEach(p -> out.add(position(p, name)));
        return out;
    }

    private static Coordinate position(JsonNode p, String name) {
        if (p == null || !p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw bad(name, name + " must hold positions [lon, lat]");
        }
        var c = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || !ChinaExtent.contains(c)) {
            throw bad(name, String.format(Locale.ROOT, "%s has the position [%s, %s], which is not lon, lat inside China", name, c.x, c.y));
        }
        return c;
    }

    private static List<GridEdit.VertexMove> moves(JsonBody body) {
        JsonNode list = body.node("moves").orElse(null);
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_POINTS) {
            throw bad("moves", "moves must be a list of 1 to " + MAX_POINTS + " {from: [lon, lat], to: [lon, lat]}");
        }
        var out = new ArrayList<GridEdit.VertexMove>();
        for (JsonNode m : list) {
            if (!m.isObject() || m.size() != 2 || !m.has("from") || !m.has("to")) {
                throw bad("moves", "each move is {from: [lon, lat], to: [lon, lat]}");
            }
            out.add(new GridEdit.VertexMove(position(m.get("from"), "moves"), position(m.get("to"), "moves")));
        }
        return out;
    }

    private static List<Geometry> proposed(JsonBody body) {
        JsonNode list = body.node("grids").orElse(null);
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 100) {
            throw bad("grids", "grids must be a list of 1 to 100 GeoJSON polygons (the accepted grids)");
        }
        var out = new ArrayList<Geometry>();
        int vertices = 0;
        for (int i = 0; i < list.size(); i++) {
            Geometry g = polygonal("grids[" + i + "]", list.get(i), Set.of("Polygon", "MultiPolygon"));
            vertices += g.getNumPoints();
            if (vertices > GeometryLimits.MAX_BODY_VERTICES * 5) {
                throw bad("grids", "the accepted grids have more than " + GeometryLimits.MAX_BODY_VERTICES * 5 + " vertices together");
            }
            out.add(g);
        }
        return out;
    }

    private static List<GridEdit.Target> targets(JsonBody body) {
        JsonNode list = body.node("grids").orElse(null);
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 100) {
            throw bad("grids", "grids must be a list of 1 to 100 {grid, version}");
        }
        var out = new ArrayList<GridEdit.Target>();
        for (JsonNode t : list) {
            if (!t.isObject() || t.size() != 2) {
                throw bad("grids", "each item of grids is {grid, version}");
            }
            out.add(new GridEdit.Target(id(t.get("grid"), "grid"), id(t.get("version"), "version")));
        }
        return out;
    }

    private static GridAttributes attributes(JsonNode a) {
        if (a == null || !a.isObject()) {
            throw bad("attributes", "attributes must be an object with " + String.join(", ", ATTRIBUTES.stream().sorted().toList()));
        }
        a.fieldNames().forEachRemaining(f -> {
            if (!ATTRIBUTES.contains(f)) {
                throw bad("attributes", "attributes has no member " + (f.length() > 40 ? f.substring(0, 40) : f));
            }
        });
        String name = text(a, "name", 64, true);
        String kind = text(a, "kind", 20, false);
        kind = kind == null ? "comprehensive" : kind;
        if (!KINDS.contains(kind)) {
            throw bad("attributes.kind", "kind is comprehensive (综合网格) or dedicated (专属网格)");
        }
        String dedicatedTo = text(a, "dedicated_to", 20, false);
        if (dedicatedTo != null && !DEDICATED_TO.contains(dedicatedTo) || kind.equals("dedicated") != (dedicatedTo != null)) {
            throw bad("attributes.dedicated_to", "a dedicated grid names what it serves (office_building, market, campus, other), and only a dedicated grid does");
        }
        String branch = text(a, "branch_name", 128, true);
        String leader = text(a, "leader_name", 32, false);
        String phone = text(a, "leader_phone", 24, false);
        if (phone != null && !phone.matches(PHONE)) {
            throw bad("attributes.leader_phone", "leader_phone is a phone number: digits, spaces, +, -, ( and )");
        }
        return new GridAttributes(name, kind, dedicatedTo, branch, leader, phone, contacts(a.get("contacts")), duties(a.get("duties")));
    }

    private static String contacts(JsonNode c) {
        if (c == null || c.isNull()) {
            return "[]";
        }
        if (!c.isArray() || c.size() > 20) {
            throw bad("attributes.contacts", "contacts is a list of at most 20 {role, name, phone}");
        }
        var out = GeoJson.JSON.createArrayNode();
        for (JsonNode one : c) {
            if (!one.isObject()) {
                throw bad("attributes.contacts", "each contact is {role, name, phone}");
            }
            one.fieldNames().forEachRemaining(f -> {
                if (!Set.of("role", "name", "phone").contains(f)) {
                    throw bad("attributes.contacts", "a contact has role, name and phone only");
                }
            });
            var o = out.addObject();
            o.put("role", text(one, "role", 32, true));
            o.put("name", text(one, "name", 32, true));
            String phone = text(one, "phone", 24, false);
            if (phone != null && !phone.matches(PHONE)) {
                throw bad("attributes.contacts", "a contact's phone is a phone number");
            }
            o.put("phone", phone);
        }
        return out.toString();
    }

    private static List<String> duties(JsonNode d) {
        if (d == null || d.isNull()) {
            return List.of();
        }
        if (!d.isArray() || d.size() > 30) {
            throw bad("attributes.duties", "duties is a list of at most 30 texts");
        }
        var out = new ArrayList<String>();
        for (JsonNode one : d) {
            if (!one.isTextual() || one.asText().isBlank() || one.asText().length() > 64 || hasControl(one.asText())) {
                throw bad("attributes.duties", "each duty is a text of 1 to 64 characters");
            }
            out.add(one.asText().strip());
        }
        return out;
    }

    private static String text(JsonNode o, String name, int max, boolean required) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            if (required) {
                throw bad("attributes." + name, name + " is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().strip().length() > max || hasControl(v.asText())) {
            throw bad("attributes." + name, name + " is a text of at most " + max + " characters");
        }
        return v.asText().strip();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F || ch == 0xFFFD);
    }

    private static ApiException bad(String field, String detail) {
        return ApiException.badRequest("bad-field", detail).with("field", field);
    }
}
