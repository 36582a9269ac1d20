package org.partymap.layer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.partymap.db.Sql;
import org.partymap.grid.GridHistory;

/**
 * Writes checked features into their layer's table, inside the caller's transaction. Areas are
 * matched on their code (updated when it exists), addresses on their full text and stations on
 * kind + name; streets, estates and buildings are added. Parents (a community's subdistrict, a
 * grid's community, a building's estate) are found by the name or code the feature gives, else by
 * where the feature lies. Every problem is recorded with its feature; the caller rolls back when
 * there is any.
 */
final class LayerWriter {

    private static final Map<String, String> STREET_CLASSES = Map.of(
            "axis", "axis", "城市轴线", "axis", "轴线", "axis",
            "main", "main", "主干道", "main", "主干路", "main",
            "secondary", "secondary", "次干道", "secondary", "支路", "secondary",
            "lane", "lane");
    private static final Map<String, String> LANES = Map.of("巷", "lane", "巷弄", "lane", "小巷", "lane");
    private static final Map<String, String> GRID_KINDS = Map.of(
            "comprehensive", "comprehensive", "综合网格", "comprehensive", "dedicated", "dedicated", "专属网格", "dedicated");
    private static final Map<String, String> DEDICATED_TO = Map.of(
            "office_building", "office_building", "商务楼宇", "office_building", "楼宇", "office_building",
            "market", "market", "商圈市场", "market", "市场", "market", "campus", "campus", "园区", "campus", "other", "other");
    private static final Map<String, String> STATION_KINDS = Map.of(
            "service_centre", "service_centre", "党群服务中心", "service_centre",
            "grid_station", "grid_station", "网格驿站", "grid_station",
            "activity_room", "activity_room", "党员活动室", "activity_room",
            "reading_room", "reading_room", "图书室", "reading_room");
    private static final Map<String, String> ESTATE_KINDS = Map.of(
            "residential", "residential", "小区", "residential", "office", "office", "商务楼宇", "office",
            "market", "market", "市场", "market", "mixed", "mixed", "public", "public");
    private static final Map<String, String> BUILDING_KINDS = Map.of(
            "residential", "residential", "住宅", "residential", "office", "office", "办公", "office",
            "market", "market", "商业", "market", "public", "public", "公共", "public", "other", "other");
    private static final String PHONE = "[0-9+() -]{3,24}";

    private static final String UPSERT_SUBDISTRICT = """
            INSERT INTO subdistrict (code, name, geom) VALUES (?, ?, ST_GeomFromWKB(?, 4326))
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom, updated_at = now()
            RETURNING id, (xmax = 0)""";
    private static final String UPSERT_COMMUNITY = """
            INSERT INTO community (code, name, subdistrict_id, geom) VALUES (?, ?, ?, ST_GeomFromWKB(?, 4326))
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, subdistrict_id = EXCLUDED.subdistrict_id,
                   geom = EXCLUDED.geom, updated_at = now()
            RETURNING id, (xmax = 0)""";
    private static final String UPSERT_GRID = """
            INSERT INTO grid (code, community_id, kind, dedicated_to, name, branch_name, leader_name, leader_phone,
                              contacts, duties, updated_by, geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ST_GeomFromWKB(?, 4326))
            ON CONFLICT (code) DO UPDATE SET community_id = EXCLUDED.community_id, kind = EXCLUDED.kind,
                   dedicated_to = EXCLUDED.dedicated_to, name = EXCLUDED.name, branch_name = EXCLUDED.branch_name,
                   leader_name = EXCLUDED.leader_name, leader_phone = EXCLUDED.leader_phone,
                   contacts = EXCLUDED.contacts, duties = EXCLUDED.duties, geom = EXCLUDED.geom,
                   version = grid.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
            RETURNING id, (xmax = 0)""";
    private static final String INSERT_STREET = """
            INSERT INTO street (name, class, left_from, left_to, right_from, right_to, geom)
            VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326))
            RETURNING id, true""";
    private static final String INSERT_ESTATE = """
            INSERT INTO estate (name, kind, community_id, aliases, geom) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326))
            RETURNING id, true""";
    private static final String INSERT_BUILDING = """
            INSERT INTO building (estate_id, name, number, kind, floors, units, geom)
            VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326))
            RETURNING id, true""";
    private static final String UPSERT_ADDRESS = """
            INSERT INTO address (full_address, road, house_number, estate_id, unit, households, geom)
            VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326))
            ON CONFLICT (full_address) DO UPDATE SET road = EXCLUDED.road, house_number = EXCLUDED.house_number,
                   estate_id = EXCLUDED.estate_id, unit = EXCLUDED.unit, households = EXCLUDED.households,
                   geom = EXCLUDED.geom
            RETURNING id, (xmax = 0)""";
    private static final String UPSERT_STATION = """
            INSERT INTO station (kind, name, address, hours, phone, services, community_id, geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326))
            ON CONFLICT (kind, name) DO UPDATE SET address = EXCLUDED.address, hours = EXCLUDED.hours,
                   phone = EXCLUDED.phone, services = EXCLUDED.services, community_id = EXCLUDED.community_id,
                   geom = EXCLUDED.geom
            RETURNING id, (xmax = 0)""";

    /** A parent row found for a feature. */
    private record Parent(int id, String code, String name) {
    }

    /** Rows added and rows updated. */
    record Counts(int inserted, int updated) {
    }

    private final Connection c;
    private final String changedBy;
    private final String reason;
    private final List<String> problems;
    private final WKBWriter wkb = new WKBWriter(2);
    private int inserted;
    private int updated;

    LayerWriter(Connection c, String changedBy, String reason, List<String> problems) {
        this.c = c;
        this.changedBy = changedBy;
        this.reason = reason;
        this.problems = problems;
    }

    /** Writes one feature's geometries; problems go to the shared list. */
    void write(Layer layer, Geometry geometry, Props p) throws SQLException {
        int before = problems.size();
        for (String key : layer.required()) {
            p.required(key, 200);
        }
        if (problems.size() > before) {
            return;
        }
        switch (layer) {
            case SUBDISTRICTS -> subdistrict(geometry, p);
            case COMMUNITIES -> community(geometry, p);
            case GRIDS -> grid(geometry, p);
            case STREETS -> street(geometry, p);
            case ESTATES -> estate(geometry, p);
            case BUILDINGS -> building(geometry, p);
            case ADDRESSES -> address(geometry, p);
            case STATIONS -> station(geometry, p);
        }
    }

    Counts counts() {
        return new Counts(inserted, updated);
    }

    private void subdistrict(Geometry g, Props p) throws SQLException {
        String name = p.required("name", 64);
        Optional<String> code = p.matching("code", "[0-9]{9}", "9 digits (county code + street code)");
        if (ok(p) && code.isPresent()) {
            upsert(UPSERT_SUBDISTRICT, code.get(), name, wkb(g));
        }
    }

    private void community(Geometry g, Props p) throws SQLException {
        String name = p.required("name", 64);
        Optional<String> code = p.matching("code", "[0-9]{12}", "12 digits (subdistrict code + 3)");
        Optional<Parent> sub = parent("subdistrict", p.text("subdistrict", 64), g, p);
        if (ok(p) && sub.isPresent()) {
            String c12 = code.orElseGet(() -> nextCode("community", "subdistrict_id", sub.get()));
            if (!c12.startsWith(sub.get().code())) {
                p.problem("code " + c12 + " does not start with the code of subdistrict " + sub.get().name() + " (" + sub.get().code() + ")");
                return;
            }
            upsert(UPSERT_COMMUNITY, c12, name, sub.get().id(), wkb(g));
        }
    }

    private void grid(Geometry g, Props p) throws SQLException {
        String name = p.required("name", 64);
        Optional<String> code = p.matching("code", "[0-9]{15}", "15 digits (community code + 3)");
        Optional<Parent> community = parent("community", p.text("community", 64), g, p);
        String kind = p.oneOf("kind", GRID_KINDS).orElse("comprehensive");
        Optional<String> dedicatedTo = p.oneOf("dedicated_to", DEDICATED_TO);
        if (kind.equals("dedicated") != dedicatedTo.isPresent()) {
            p.problem("a dedicated grid (专属网格) names what it is dedicated to (dedicated_to), and only a dedicated grid does");
        }
        Optional<String> branch = p.text("branch_name", 128);
        Optional<String> leader = p.text("leader_name", 32);
        Optional<String> phone = p.matching("leader_phone", PHONE, "a phone number");
        String contacts = p.jsonArray("contacts");
        String[] duties = p.list("duties", 100);
        if (!ok(p) || community.isEmpty()) {
            return;
        }
        String c15 = code.orElseGet(() -> nextCode("grid", "community_id", community.get()));
        if (!c15.startsWith(community.get().code())) {
            p.problem("code " + c15 + " does not start with the code of community " + community.get().name() + " (" + community.get().code() + ")");
            return;
        }
        int id = upsert(UPSERT_GRID, c15, community.get().id(), kind, dedicatedTo.orElse(null), name,
                branch.orElse(community.get().name() + name + "党支部"), leader.orElse(null), phone.orElse(null),
                contacts, duties, changedBy, wkb(g));
        GridHistory.record(c, id, "import", reason, changedBy);
    }

    private void street(Geometry g, Props p) throws SQLException {
        String name = p.required("name", 64);
        String cls = p.oneOf("class", merged(STREET_CLASSES, LANES)).orElse(null);
        Integer[] range = new Integer[4];
        String[] keys = {"left_from", "left_to", "right_from", "right_to"};
        for (int i = 0; i < 4; i++) {
            range[i] = p.integer(keys[i], 1, 100_000).orElse(null);
        }
        for (int side = 0; side < 4; side += 2) {
            if ((range[side] == null) != (range[side + 1] == null)) {
                p.problem(keys[side] + " and " + keys[side + 1] + " go together");
            } else if (range[side] != null && range[side] % 2 != range[side + 1] % 2) {
                p.problem(keys[side] + " and " + keys[side + 1] + " must both be odd or both even");
            }
        }
        if (ok(p) && cls != null) {
            upsert(INSERT_STREET, name, cls, range[0], range[1], range[2], range[3], wkb(g));
        }
    }

    private void estate(Geometry g, Props p) throws SQLException {
        String name = p.required("name", 64);
        String kind = p.oneOf("kind", ESTATE_KINDS).orElse("residential");
        Optional<String> communityRef = p.text("community", 64);
        Optional<Parent> community = communityRef.isPresent() ? parent("community", communityRef, g, p) : Optional.empty();
        String[] aliases = p.list("aliases", 64);
        if (ok(p)) {
            upsert(INSERT_ESTATE, name, kind, community.map(Parent::id).orElse(null), aliases, wkb(g));
        }
    }

    private void building(Geometry g, Props p) throws SQLException {
        String name = p.required("name", 64);
        Optional<String> number = p.text("number", 16);
        String kind = p.oneOf("kind", BUILDING_KINDS).orElse("residential");
        Optional<Integer> floors = p.integer("floors", 1, 200);
        Optional<Integer> units = p.integer("units", 1, 50);
        Optional<Parent> estate = optionalParent("estate", p.text("estate", 64), g, p);
        if (ok(p)) {
            upsert(INSERT_BUILDING, estate.map(Parent::id).orElse(null), name, number.orElse(null), kind,
                    floors.orElse(null), units.orElse(null), wkb(g));
        }
    }

    private void address(Geometry g, Props p) throws SQLException {
        String full = p.required("full_address", 200);
        Optional<String> road = p.text("road", 64);
        Optional<String> number = p.text("house_number", 16);
        Optional<String> unit = p.text("unit", 16);
        int households = p.integer("households", 0, 2000).orElse(1);
        Optional<Parent> estate = optionalParent("estate", p.text("estate", 64), g, p);
        if (ok(p)) {
            upsert(UPSERT_ADDRESS, full, road.orElse(null), number.orElse(null), estate.map(Parent::id).orElse(null),
                    unit.orElse(null), households, wkb(g));
        }
    }

    private void station(Geometry g, Props p) throws SQLException {
        String name = p.required("name", 128);
        String kind = p.oneOf("kind", STATION_KINDS).orElse(null);
        Optional<String> address = p.text("address", 200);
        Optional<String> hours = p.text("hours", 200);
        Optional<String> phone = p.matching("phone", PHONE, "a phone number");
        String[] services = p.list("services", 64);
        Optional<String> communityRef = p.text("community", 64);
        Optional<Parent> community = communityRef.isPresent() ? parent("community", communityRef, g, p) : Optional.empty();
        if (ok(p) && kind != null) {
            upsert(UPSERT_STATION, kind, name, address.orElse(null), hours.orElse(null), phone.orElse(null), services,
                    community.map(Parent::id).orElse(null), wkb(g));
        }
    }

    /**
     * The parent a feature names (by name or code), else the one it lies in. A problem when there
     * is none, or when a name is ambiguous.
     */
    private Optional<Parent> parent(String table, Optional<String> ref, Geometry g, Props p) throws SQLException {
        Optional<Parent> found = find(table, ref, g, p);
        if (found.isEmpty() && ref.isEmpty()) {
            p.problem("lies in no " + table + "; give its " + table + " by name or code");
        }
        return found;
    }

    /** Like {@link #parent}, but a feature that lies in no parent simply has none. */
    private Optional<Parent> optionalParent(String table, Optional<String> ref, Geometry g, Props p) throws SQLException {
        return find(table, ref, g, p);
    }

    private Optional<Parent> find(String table, Optional<String> ref, Geometry g, Props p) throws SQLException {
        String codeColumn = table.equals("estate") ? "id::text" : "code";
        if (ref.isPresent()) {
            List<Parent> rows = Sql.list(c, "SELECT id, " + codeColumn + " AS code, name FROM " + allowed(table)
                            + " WHERE name = ? OR " + codeColumn + " = ? ORDER BY ST_Distance(geom, ST_GeomFromWKB(?, 4326)), 1 LIMIT 2",
                    rs -> new Parent(rs.getInt(1), rs.getString(2), rs.getString(3)), ref.get(), ref.get(), wkb(g));
            if (rows.isEmpty()) {
                p.problem("there is no " + table + " named '" + ref.get() + "'");
                return Optional.empty();
            }
            if (rows.size() > 1 && !table.equals("estate")) {
                p.problem("more than one " + table + " is named '" + ref.get() + "'; give its code instead");
                return Optional.empty();
            }
            return Optional.of(rows.get(0));
        }
        return Sql.one(c, "SELECT id, " + codeColumn + " AS code, name FROM " + allowed(table)
                        + " WHERE ST_Covers(geom, ST_PointOnSurface(ST_GeomFromWKB(?, 4326))) ORDER BY id LIMIT 1",
                rs -> new Parent(rs.getInt(1), rs.getString(2), rs.getString(3)), wkb(g));
    }

    /** The next free code under a parent: the parent's code and a 3-digit sequence number. */
    private String nextCode(String table, String parentColumn, Parent parent) {
        try {
            int next = Sql.one(c, "SELECT coalesce(max(right(code, 3)::int), 0) + 1 FROM " + allowed(table)
                    + " WHERE " + parentColumn + " = ?", rs -> rs.getInt(1), parent.id()).orElse(1);
            return parent.code() + String.format(Locale.ROOT, "%03d", next);
        } catch (SQLException e) {
            throw new Sql.DataAccessException(e);
        }
    }

    private int upsert(String sql, Object... params) throws SQLException {
        var row = Sql.one(c, sql, rs -> new int[] {rs.getInt(1), rs.getBoolean(2) ? 1 : 0}, params).orElseThrow();
        if (row[1] == 1) {
            inserted++;
        } else {
            updated++;
        }
        return row[0];
    }

    private boolean ok(Props p) {
        return p.clean();
    }

    private byte[] wkb(Geometry g) {
        return wkb.write(g);
    }

    private static String allowed(String table) {
        return switch (table) {
            case "subdistrict", "community", "estate", "grid" -> table;
            default -> throw new IllegalArgumentException("not a parent table: " + table);
        };
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        var out = new java.util.HashMap<>(a);
        out.putAll(b);
        return out;
    }
}
