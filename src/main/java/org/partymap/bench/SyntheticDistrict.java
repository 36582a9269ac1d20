package org.partymap.bench;

import static org.partymap.db.BboxFilter.concat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * A district of the demo's size for benchmarks, made in seconds from a fixed seed: a street
 * lattice of irregular blocks (about 12 × 10 km, 7,000 noded segments), 7 subdistricts, 56
 * communities and 280 grids along its lines, about 500 stations and 9,000 buildings in estates.
 * It is nothing like a real city's shape; it only has a real city's sizes. Benchmarks load it into
 * a throwaway database when there is no real district to measure on.
 */
public final class SyntheticDistrict {

    private static final double LON0 = 120.10;
    private static final double LAT0 = 33.33;
    private static final double M_PER_DEG_LON = 93_060;
    private static final double M_PER_DEG_LAT = 110_940;
    private static final String[] SERVICES = {"图书室", "健康鹤之声", "周末戏台", "就业帮扶360", "放学来吧", "阳光助学", "宜馨关爱之家", "助残服务站"};

    private final Random random = new Random(20_260_611L);
    private final double[] xs;
    private final double[] ys;

    private SyntheticDistrict() {
        xs = lines(12_000);
        ys = lines(10_000);
    }

    /** Fills an empty, migrated database. */
    public static void load(DataSource ds) {
        new SyntheticDistrict().fill(ds);
    }

    /** Line positions in metres from the origin: blocks of 120 to 260 m. */
    private double[] lines(double extent) {
        var out = new ArrayList<Double>();
        for (double at = 0; at <= extent; at += 120 + random.nextInt(141)) {
            out.add(at);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double lon(double x) {
        return LON0 + x / M_PER_DEG_LON;
    }

    private static double lat(double y) {
        return LAT0 + y / M_PER_DEG_LAT;
    }

    private void fill(DataSource ds) {
        Sql.transaction(ds, c -> {
            streets(c);
            areas(c);
            stations(c);
            buildings(c);
            Sql.update(c, "UPDATE station st SET grid_id = g.id FROM grid g WHERE ST_Covers(g.geom, st.geom)");
            Sql.update(c, """
                    UPDATE grid g SET station_id = coalesce(
                        (SELECT st.id FROM station st WHERE st.grid_id = g.id AND st.kind = 'grid_station' ORDER BY st.id LIMIT 1),
                        (SELECT st.id FROM station st WHERE st.community_id = g.community_id AND st.kind = 'service_centre' LIMIT 1))""");
            return null;
        });
    }

    private static String streetClass(int index) {
        return index % 8 == 0 ? "axis" : index % 4 == 0 ? "main" : index % 2 == 0 ? "secondary" : "lane";
    }

    private void streets(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO street (name, class, geom) VALUES (?, ?, "
                + "ST_SetSRID(ST_MakeLine(ST_MakePoint(?, ?), ST_MakePoint(?, ?)), 4326))")) {
            for (int i = 0; i < xs.length; i++) {
                for (int j = 0; j + 1 < ys.length; j++) {
                    add(ps, "经" + (i + 1) + "路", streetClass(i), xs[i], ys[j], xs[i], ys[j + 1]);
                }
            }
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i + 1 < xs.length; i++) {
                    add(ps, "纬" + (j + 1) + "路", streetClass(j), xs[i], ys[j], xs[i + 1], ys[j]);
                }
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, String name, String cls, double x1, double y1, double x2, double y2) throws SQLException {
        Sql.bind(ps, name, cls, lon(x1), lat(y1), lon(x2), lat(y2));
        ps.addBatch();
    }

    /** Cuts [0, n) into {@code parts} runs of indices, as even as may be. */
    private static int[] cuts(int n, int parts) {
        int[] out = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            out[p] = (int) Math.round((double) n * p / parts);
        }
        return out;
    }

    private static Object[] box(double x1, double y1, double x2, double y2) {
        return new Object[] {lon(x1), lat(y1), lon(x2), lat(y2)};
    }

    private void areas(Connection c) throws SQLException {
        int[] strips = cuts(xs.length - 1, 7);
        String envelope = "ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))";
        int gridNo = 0;
        for (int s = 0; s < 7; s++) {
            String sCode = "320902" + String.format("%03d", s + 1);
            int sid = Sql.one(c, "INSERT INTO subdistrict (code, name, geom) VALUES (?, ?, " + envelope + ") RETURNING id",
                    rs -> rs.getInt(1), concat(new Object[] {sCode, "合成街道" + (s + 1)},
                            box(xs[strips[s]], ys[0], xs[strips[s + 1]], ys[ys.length - 1]))).orElseThrow();
            int[] rows = cuts(ys.length - 1, 8);
            for (int r = 0; r < 8; r++) {
                String cCode = sCode + String.format("%03d", r + 1);
                int cid = Sql.one(c, "INSERT INTO community (code, name, subdistrict_id, geom) VALUES (?, ?, ?, " + envelope + ") RETURNING id",
                        rs -> rs.getInt(1), concat(new Object[] {cCode, "合成" + (s + 1) + "-" + (r + 1) + "社区", sid},
                                box(xs[strips[s]], ys[rows[r]], xs[strips[s + 1]], ys[rows[r + 1]]))).orElseThrow();
                int[] cols = cuts(strips[s + 1] - strips[s], 5);
                for (int g = 0; g < 5; g++) {
                    gridNo++;
                    String name = "第" + (g + 1) + "网格";
                    Sql.update(c, "INSERT INTO grid (code, community_id, name, branch_name, leader_name, leader_phone, geom) "
                            + "VALUES (?, ?, ?, ?, ?, ?, " + envelope + ")", concat(new Object[] {cCode + String.format("%03d", g + 1), cid,
                                    name, "合成" + (s + 1) + "-" + (r + 1) + "社区" + name + "党支部", "网格长" + gridNo,
                                    String.format("0515-0%07d", gridNo)},
                            box(xs[strips[s] + cols[g]], ys[rows[r]], xs[strips[s] + cols[g + 1]], ys[rows[r + 1]])));
                }
            }
        }
    }

    /** A point inside block (i, j), away from its streets. */
    private double[] inBlock(int i, int j) {
        double x = xs[i] + 30 + random.nextDouble() * (xs[i + 1] - xs[i] - 60);
        double y = ys[j] + 30 + random.nextDouble() * (ys[j + 1] - ys[j] - 60);
        return new double[] {lon(x), lat(y)};
    }

    private void stations(Connection c) throws SQLException {
        List<Integer> communities = Sql.list(c, "SELECT id FROM community ORDER BY id", rs -> rs.getInt(1));
        String insert = "INSERT INTO station (kind, name, address, hours, phone, services, community_id, geom) "
                + "SELECT ?, ?, ?, ?, ?, ?, (SELECT id FROM community WHERE ST_Covers(geom, p) LIMIT 1), p "
                + "FROM (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS p) x";
        int n = 0;
        String[] kinds = {"service_centre", "grid_station", "activity_room", "reading_room"};
        int[] counts = {communities.size(), 150, 200, 40};
        for (int k = 0; k < kinds.length; k++) {
            for (int i = 0; i < counts[k]; i++) {
                n++;
                double[] p = inBlock(random.nextInt(xs.length - 1), random.nextInt(ys.length - 1));
                var services = new ArrayList<String>();
                for (String s : SERVICES) {
                    if (random.nextInt(4) == 0) {
                        services.add(s);
                    }
                }
                Sql.update(c, insert, kinds[k], "合成站点" + n, "合成地址" + n + "号", "周一至周日 8:30-17:30",
                        String.format("0515-0%07d", 9_000_000 + n), services.toArray(String[]::new), p[0], p[1]);
            }
        }
    }

    private void buildings(Connection c) throws SQLException {
        try (PreparedStatement estate = c.prepareStatement(
                "INSERT INTO estate (name, geom) VALUES (?, ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))) RETURNING id");
             PreparedStatement building = c.prepareStatement(
                     "INSERT INTO building (estate_id, name, number, geom) VALUES (?, ?, ?, ST_MakeEnvelope(?, ?, ?, ?, 4326))")) {
            int estates = 0;
            for (int i = 0; i + 1 < xs.length; i++) {
                for (int j = 0; j + 1 < ys.length; j++) {
                    if (random.nextInt(10) >= 3) {
                        continue;
                    }
                    estates++;
                    Sql.bind(estate, "合成" + estates + "花园", lon(xs[i] + 15), lat(ys[j] + 15), lon(xs[i + 1] - 15), lat(ys[j + 1] - 15));
                    int eid;
                    try (var rs = estate.executeQuery()) {
                        rs.next();
                        eid = rs.getInt(1);
                    }
                    for (int b = 0; b < 9; b++) {
                        double x = xs[i] + 25 + (b % 3) * (xs[i + 1] - xs[i] - 50) / 3;
                        double y = ys[j] + 25 + (b / 3) * (ys[j + 1] - ys[j] - 50) / 3;
                        Sql.bind(building, eid, (b + 1) + "幢", Integer.toString(b + 1), lon(x), lat(y), lon(x + 18), lat(y + 10));
                        building.addBatch();
                    }
                }
            }
            building.executeBatch();
        }
    }
}
