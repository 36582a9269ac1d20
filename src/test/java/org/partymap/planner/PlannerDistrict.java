package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geo.Crs;
import org.partymap.grid.GridAssignment;
import org.partymap.layer.Layer;
import org.partymap.layer.LayerImporter;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;

/**
 * A small community for planner tests, imported through the ordinary layer import: a 3 × 2
 * lattice of street blocks (about 186 m × 200 m each) between main streets round the edge, two
 * secondary streets running north–south and a lane east–west; three grids, one per column of
 * blocks (第一 west, 第二 middle, 第三 east). Every block has four addresses and a building; a grid
 * station in block (0, 0), the community's service centre in (1, 0), an activity room in (2, 1); a
 * party group per grid over its buildings with a member household; three residents at each
 * address, two residents with an address but no point and one with neither (in 第三网格).
 *
 * <pre>
 *  y2 +--------+--------+--------+      blocks (column, row):
 *     | (0,1)  | (1,1)  | (2,1)  |      第一网格 = column 0
 *  y1 +--------+--------+--------+ lane 第二网格 = column 1
 *     | (0,0)  | (1,0)  | (2,0)  |      第三网格 = column 2
 *  y0 +--------+--------+--------+
 *     x0       x1       x2       x3
 * </pre>
 */
final class PlannerDistrict {

    static final double[] X = {120.2, 120.202, 120.204, 120.206};
    static final double[] Y = {33.3, 33.3018, 33.3036};
    static final String SUBDISTRICT = "320902005";
    static final String COMMUNITY = "320902005001";
    static final String[] GRIDS = {"320902005001001", "320902005001002", "320902005001003"};
    static final String[] NAMES = {"第一网格", "第二网格", "第三网格"};
    static final int ADDRESSES = 24;
    static final int RESIDENTS = 24 * 3 + 3;

    private static final String TEMPLATE = "planner_district";
    private static final java.util.concurrent.atomic.AtomicInteger COPIES = new java.util.concurrent.atomic.AtomicInteger();
    private static boolean templated;

    private PlannerDistrict() {
    }

    /**
     * A database of its own holding the district and the accounts {@code planner} (its
     * subdistrict), {@code colleague} (another planner of it), {@code outsider} (a planner elsewhere), {@code worker} (第二网格) and {@code admin}:
     * a copy of a template made once per test JVM, so that every test may change it freely.
     */
    static synchronized Database fresh() {
        var server = TestDatabase.server();
        if (!templated) {
            TestDatabase.execute(server, "DROP DATABASE IF EXISTS " + TEMPLATE);
            Database db = TestDatabase.fresh();
            load(db);
            Fixtures.loadOtherSubdistrict(db);
            TestAccounts.create(db, "planner", Role.PLANNER, SUBDISTRICT);
            TestAccounts.create(db, "colleague", Role.PLANNER, SUBDISTRICT);
            TestAccounts.create(db, "outsider", Role.PLANNER, Fixtures.OTHER_SUBDISTRICT);
            TestAccounts.create(db, "worker", Role.GRID_WORKER, GRIDS[1]);
            TestAccounts.create(db, "admin", Role.ADMIN);
            String name = Sql.text(db.dataSource(), "SELECT current_database()").orElseThrow();
            db.close();
            TestDatabase.execute(server, "ALTER DATABASE " + name + " RENAME TO " + TEMPLATE);
            templated = true;
        }
        String name = "p" + ProcessHandle.current().pid() + "_" + COPIES.incrementAndGet();
        TestDatabase.execute(server, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return Database.connect(server.url(name), server.user(), server.password(), 8, Optional.empty());
    }

    static void load(Database db) {
        var importer = new LayerImporter(db.dataSource());
        String ring = ring(X[0], X[3]);
        importer.importFile(utf8(collection(feature("{\"code\": \"" + SUBDISTRICT + "\", \"name\": \"规划街道\"}", polygon(ring)))),
                "s.geojson", Layer.SUBDISTRICTS, Crs.WGS84, "fixture");
        importer.importFile(utf8(collection(feature("{\"code\": \"" + COMMUNITY + "\", \"name\": \"规划社区\", \"subdistrict\": \""
                + SUBDISTRICT + "\"}", polygon(ring)))), "c.geojson", Layer.COMMUNITIES, Crs.WGS84, "fixture");
        var grids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            grids.add(feature("{\"code\": \"" + GRIDS[i] + "\", \"name\": \"" + NAMES[i] + "\", \"community\": \"" + COMMUNITY
                    + "\", \"leader_name\": \"网格长" + i + "\", \"leader_phone\": \"0515-0000000" + i + "\", \"duties\": [\"信息收集上报\", \"矛盾纠纷调解\"]}",
                    polygon(ring(X[i], X[i + 1]))));
        }
        importer.importFile(utf8(collection(grids.toArray(String[]::new))), "g.geojson", Layer.GRIDS, Crs.WGS84, "fixture");
        importer.importFile(utf8(collection(streets())), "streets.geojson", Layer.STREETS, Crs.WGS84, "fixture");
        var buildings = new ArrayList<String>();
        var addresses = new ArrayList<String>();
        int n = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double[] c = centre(i, j);
                double d = 0.0002;
                buildings.add(feature("{\"name\": \"" + (i * 2 + j + 1) + "幢\", \"number\": \"" + (i * 2 + j + 1) + "\"}",
                        polygon(String.format(Locale.ROOT, "[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]", c[0] - d, c[1] - d,
                                c[0] + d, c[1] - d, c[0] + d, c[1] + d, c[0] - d, c[1] + d, c[0] - d, c[1] - d))));
                for (double[] f : new double[][] {{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}}) {
                    n++;
                    double[] p = at(i, j, f[0], f[1]);
                    addresses.add(feature("{\"full_address\": \"规划路" + n + "号\", \"road\": \"规划路\", \"house_number\": \"" + n
                            + "\", \"households\": " + (10 + n) + "}", point(p)));
                }
            }
        }
        importer.importFile(utf8(collection(buildings.toArray(String[]::new))), "b.geojson", Layer.BUILDINGS, Crs.WGS84, "fixture");
        importer.importFile(utf8(collection(addresses.toArray(String[]::new))), "a.geojson", Layer.ADDRESSES, Crs.WGS84, "fixture");
        importer.importFile(utf8(collection(
                feature("{\"name\": \"规划一号网格驿站\", \"kind\": \"grid_station\"}", point(at(0, 0, 0.5, 0.4))),
                feature("{\"name\": \"规划社区党群服务中心\", \"kind\": \"service_centre\"}", point(at(1, 0, 0.5, 0.4))),
                feature("{\"name\": \"规划社区党员活动室\", \"kind\": \"activity_room\"}", point(at(2, 1, 0.5, 0.4))))),
                "st.geojson", Layer.STATIONS, Crs.WGS84, "fixture");
        var ds = db.dataSource();
        for (int i = 0; i < 3; i++) {
            Sql.update(ds, "INSERT INTO party_group (grid_id, name, members) SELECT id, ?, 5 FROM grid WHERE code = ?", NAMES[i] + "第一党小组", GRIDS[i]);
        }
        Sql.update(ds, "UPDATE building b SET party_group_id = p.id FROM party_group p WHERE p.grid_id = b.grid_id");
        Sql.update(ds, """
                INSERT INTO member_household (party_group_id, address_id, room)
                SELECT p.id, (SELECT a.id FROM address a WHERE a.grid_id = p.grid_id ORDER BY a.id LIMIT 1), '101' FROM party_group p""");
        Sql.update(ds, """
                INSERT INTO resident (name, address_text, address_id, geom, match_level, grid_id, imported_by)
                SELECT '规划居民' || a.id || '-' || k, a.full_address || k || '01室', a.id, a.geom, 'address', a.grid_id, 'fixture'
                  FROM address a, generate_series(1, 3) k""");
        Sql.update(ds, """
                INSERT INTO resident (name, address_text, address_id, match_level, grid_id, imported_by)
                SELECT '无点居民' || k, a.full_address, a.id, 'address', a.grid_id, 'fixture'
                  FROM (SELECT * FROM address WHERE full_address = '规划路9号') a, generate_series(1, 2) k""");
        Sql.update(ds, """
                INSERT INTO resident (name, address_text, match_level, grid_id, imported_by)
                SELECT '无址居民', '规划社区某处', 'none', id, 'fixture' FROM grid WHERE code = ?""", GRIDS[2]);
    }

    /** A point at fractions (fx, fy) of block (i, j). */
    static double[] at(int i, int j, double fx, double fy) {
        return new double[] {X[i] + (X[i + 1] - X[i]) * fx, Y[j] + (Y[j + 1] - Y[j]) * fy};
    }

    static double[] centre(int i, int j) {
        return at(i, j, 0.5, 0.5);
    }

    static int grid(Database db, int i) {
        return Sql.one(db.dataSource(), "SELECT id FROM grid WHERE code = ?", rs -> rs.getInt(1), GRIDS[i]).orElseThrow();
    }

    static int community(Database db) {
        return Sql.one(db.dataSource(), "SELECT id FROM community WHERE code = ?", rs -> rs.getInt(1), COMMUNITY).orElseThrow();
    }

    static int version(Database db, int grid) {
        return Sql.one(db.dataSource(), "SELECT version FROM grid WHERE id = ?", rs -> rs.getInt(1), grid).orElseThrow();
    }

    /** If-Match naming every grid of the community at its current version. */
    static String ifMatch(Database db) {
        return String.join(", ", Sql.list(db.dataSource(), "SELECT '\"grid-' || id || '-v' || version || '\"' FROM grid ORDER BY id",
                rs -> rs.getString(1)));
    }

    /**
     * Nothing is lost: every address and resident belongs to exactly one grid, the one that covers
     * its point (residents without one: a grid); the grids tile the community once; and the
     * ordinary grid assignment, run over everything, finds nothing to move.
     */
    static void assertNothingLost(Database db) {
        var ds = db.dataSource();
        assertEquals(List.of(), org.partymap.testing.Invariants.partyGroupShapesAreTheirBuildings(ds), "party groups drawn as their buildings");
        assertEquals(ADDRESSES, count(ds, "SELECT count(*) FROM address WHERE grid_id IS NOT NULL"), "addresses in a grid");
        assertEquals(RESIDENTS, count(ds, "SELECT count(*) FROM resident WHERE grid_id IS NOT NULL"), "residents in a grid");
        assertEquals(0, count(ds, "SELECT count(*) FROM address a JOIN grid g ON g.id = a.grid_id WHERE NOT ST_Covers(g.geom, a.geom)"),
                "addresses outside their grid");
        assertEquals(0, count(ds, "SELECT count(*) FROM resident r JOIN grid g ON g.id = r.grid_id WHERE r.geom IS NOT NULL AND NOT ST_Covers(g.geom, r.geom)"),
                "residents outside their grid");
        assertEquals(0, count(ds, """
                SELECT count(*) FROM address a WHERE (SELECT count(*) FROM grid g WHERE ST_Contains(g.geom, a.geom)) <> 1
                   AND NOT EXISTS (SELECT 1 FROM grid g WHERE ST_Touches(g.geom, a.geom))"""), "addresses inside no grid or two");
        assertEquals(0, count(ds, "SELECT count(*) FROM resident r WHERE r.geom IS NULL AND r.address_id IS NOT NULL AND r.grid_id IS DISTINCT FROM "
                + "(SELECT a.grid_id FROM address a WHERE a.id = r.address_id)"), "residents without a point not with their address");
        assertEquals(0, count(ds, "SELECT count(*) FROM party_group p WHERE NOT EXISTS (SELECT 1 FROM grid g WHERE g.id = p.grid_id)"));
        String ours = " FROM grid g JOIN community c ON c.id = g.community_id WHERE c.code = '" + COMMUNITY + "'";
        double community = area(ds, "SELECT ST_Area(geom::geography) FROM community WHERE code = '" + COMMUNITY + "'");
        double union = area(ds, "SELECT ST_Area(ST_Union(g.geom)::geography)" + ours);
        double sum = area(ds, "SELECT sum(ST_Area(g.geom::geography))" + ours);
        assertEquals(community, union, 1.0, "the grids cover the community");
        assertEquals(union, sum, 1.0, "the grids do not overlap");
        var moved = Sql.rolledBack(ds, GridAssignment::assignAll);
        assertEquals(new GridAssignment.Counts(0, 0, 0), moved, "the ordinary assignment finds nothing out of place");
        assertEquals(0, count(ds, "SELECT count(*)" + ours + " AND g.station_id IS NULL"), "every grid has a station that serves it");
    }

    static long count(javax.sql.DataSource ds, String sql) {
        return Sql.one(ds, sql, rs -> rs.getLong(1)).orElseThrow();
    }

    private static double area(javax.sql.DataSource ds, String sql) {
        return Sql.one(ds, sql, rs -> rs.getDouble(1)).orElseThrow();
    }

    /** The boundary of the rectangle from x0 to x1 over both rows, with a vertex at every street crossing. */
    private static String ring(double x0, double x1) {
        var pts = new ArrayList<double[]>();
        for (double x : X) {
            if (x >= x0 - 1e-9 && x <= x1 + 1e-9) {
                pts.add(new double[] {x, Y[0]});
            }
        }
        pts.add(new double[] {x1, Y[1]});
        for (int k = X.length - 1; k >= 0; k--) {
            if (X[k] >= x0 - 1e-9 && X[k] <= x1 + 1e-9) {
                pts.add(new double[] {X[k], Y[2]});
            }
        }
        pts.add(new double[] {x0, Y[1]});
        pts.add(pts.get(0));
        var parts = new ArrayList<String>();
        pts.forEach(p -> parts.add(String.format(Locale.ROOT, "[%s, %s]", p[0], p[1])));
        return String.join(", ", parts);
    }

    private static String[] streets() {
        var out = new ArrayList<String>();
        String[] rows = {"南环路", "中心巷", "北环路"};
        String[] rowClass = {"main", "lane", "main"};
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                out.add(feature("{\"name\": \"" + rows[j] + "\", \"class\": \"" + rowClass[j] + "\"}", line(X[i], Y[j], X[i + 1], Y[j])));
            }
        }
        String[] cols = {"西环路", "一号路", "二号路", "东环路"};
        String[] colClass = {"main", "secondary", "secondary", "main"};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                out.add(feature("{\"name\": \"" + cols[i] + "\", \"class\": \"" + colClass[i] + "\"}", line(X[i], Y[j], X[i], Y[j + 1])));
            }
        }
        return out.toArray(String[]::new);
    }

    static String polygon(String ring) {
        return "{\"type\": \"Polygon\", \"coordinates\": [[" + ring + "]]}";
    }

    static String point(double[] p) {
        return String.format(Locale.ROOT, "{\"type\": \"Point\", \"coordinates\": [%s, %s]}", p[0], p[1]);
    }

    private static String line(double x0, double y0, double x1, double y1) {
        return String.format(Locale.ROOT, "{\"type\": \"LineString\", \"coordinates\": [[%s, %s], [%s, %s]]}", x0, y0, x1, y1);
    }

    private static String feature(String properties, String geometry) {
        return "{\"type\": \"Feature\", \"properties\": " + properties + ", \"geometry\": " + geometry + "}";
    }

    private static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(", ", features) + "]}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Positions as the JSON of a body: [[lon, lat], ...]. */
    static List<List<Double>> positions(double[]... points) {
        var out = new ArrayList<List<Double>>();
        for (double[] p : points) {
            out.add(List.of(p[0], p[1]));
        }
        return out;
    }

    static Map<String, Object> body(Object... keyValues) {
        var out = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
