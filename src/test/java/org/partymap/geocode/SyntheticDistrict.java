package org.partymap.geocode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.grid.GridAssignment;

/**
 * A made-up district of several thousand standard addresses, written into a test database to
 * measure the geocoder: a bent lattice of 7 north-south and 6 east-west roads (3.2 × 2.8 km,
 * south-west of the sample district), noded at every crossing, with a house number every 20 m
 * per side (odd on the left), 60% of them stored as addresses placed 12–18 m off the centre
 * line and the rest kept back to test interpolation; one estate per block with 8–20 buildings
 * of 2–3 units; 30 grids (one per block), 4 communities, 2 subdistricts. The same seed gives the
 * same district.
 */
final class SyntheticDistrict {

    static final double LON0 = 120.10;
    static final double LAT0 = 33.34;
    private static final double[] XS = {0, 520, 1080, 1610, 2150, 2700, 3240};
    private static final double[] YS = {0, 560, 1130, 1700, 2260, 2800};
    private static final double MARGIN = 150;
    private static final String[] NORTH_SOUTH = {"人民路", "青年路", "毓龙路", "文港路", "五星路", "八一路", "迎宾大道"};
    private static final String[] EAST_WEST = {"解放路", "开放大道", "建军路", "大庆路", "希望大道", "十里铺路"};
    private static final String[] ESTATES = {"万方花园", "幸福花园", "幸福家园", "锦绣家园", "紫薇苑", "金色年华", "东方名城",
        "阳光新村", "和谐家园", "翠竹小区", "海棠公寓", "丽景华庭", "二十一世纪花园", "香榭丽舍", "明珠花苑", "华邦国际",
        "解放路小区", "四季花城一期", "龙湖名都", "聚龙湾", "盐渎人家", "怡景湾", "天嘉花园", "城南新村", "宝龙广场",
        "新洋家园", "毓龙名邸", "黄海小区", "水岸名都", "世纪公寓"};
    private static final String[] COMMUNITIES = {"莲花路社区", "健康路社区", "盐海社区", "南映社区"};

    /** What was built: the addresses kept back, as interpolation cases, and how many were stored. */
    record Built(List<EvaluationCase> withheld, int addresses) {
    }

    private final Random random = new Random(20_240_505);
    private final double[][] jitter = new double[XS.length][YS.length];
    private final List<EvaluationCase> withheld = new ArrayList<>();
    private int addressCount;

    private SyntheticDistrict() {
        for (double[] row : jitter) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * 25;
            }
        }
    }

    static Built build(Database db) {
        var d = new SyntheticDistrict();
        Sql.transaction(db.dataSource(), c -> {
            d.write(c);
            GridAssignment.assignAll(c);
            return null;
        });
        return new Built(d.withheld, d.addressCount);
    }

    /** The crossing of north-south road i and east-west road j, in local metres. */
    private double[] crossing(int i, int j) {
        return new double[] {XS[i] + jitter[i][j], YS[j]};
    }

    /** A corner of the block lattice, the outer ring pushed out by the margin. */
    private double[] corner(int i, int j) {
        double[] p = crossing(Math.max(0, Math.min(XS.length - 1, i)), Math.max(0, Math.min(YS.length - 1, j)));
        if (i == 0) {
            p[0] = XS[0] - MARGIN;
        } else if (i == XS.length - 1) {
            p[0] = XS[XS.length - 1] + MARGIN;
        }
        if (j == 0) {
            p[1] = YS[0] - MARGIN;
        } else if (j == YS.length - 1) {
            p[1] = YS[YS.length - 1] + MARGIN;
        }
        return p;
    }

    private void write(Connection c) throws SQLException {
        int[] subdistrict = new int[2];
        for (int s = 0; s < 2; s++) {
            subdistrict[s] = id(c, "INSERT INTO subdistrict (code, name, geom) VALUES (?, ?, ST_Multi(ST_GeomFromText(?, 4326))) RETURNING id",
                    "32090200" + (s + 1), s == 0 ? "先锋街道" : "五星街道", blocks(s * 3, s * 3 + 3, 0, 5));
        }
        int[] community = new int[4];
        for (int k = 0; k < 4; k++) {
            int s = k / 2;
            boolean south = k % 2 == 0;
            community[k] = id(c, "INSERT INTO community (code, name, subdistrict_id, geom) VALUES (?, ?, ?, ST_Multi(ST_GeomFromText(?, 4326))) RETURNING id",
                    "32090200" + (s + 1) + "00" + (k % 2 + 1), COMMUNITIES[k], subdistrict[s],
                    blocks(s * 3, s * 3 + 3, south ? 0 : 2, south ? 2 : 5));
        }
        int[] gridSeq = new int[4];
        for (int i = 0; i < XS.length - 1; i++) {
            for (int j = 0; j < YS.length - 1; j++) {
                int k = (i / 3) * 2 + (j < 2 ? 0 : 1);
                String code = "32090200" + (k / 2 + 1) + "00" + (k % 2 + 1) + String.format("%03d", ++gridSeq[k]);
                Sql.update(c, """
                        INSERT INTO grid (code, community_id, name, branch_name, geom)
                        VALUES (?, ?, ?, ?, ST_Multi(ST_GeomFromText(?, 4326)))""",
                        code, community[k], "第" + gridSeq[k] + "网格", COMMUNITIES[k] + "第" + gridSeq[k] + "网格党支部",
                        blocks(i, i + 1, j, j + 1));
            }
        }
        roads(c);
        estates(c);
        for (int k = 0; k < 4; k++) {
            double[] p = crossing(1 + (k / 2) * 3, 1 + (k % 2) * 2);
            Sql.update(c, "INSERT INTO station (kind, name, address, community_id, geom) VALUES ('service_centre', ?, ?, ?, ST_GeomFromText(?, 4326))",
                    COMMUNITIES[k] + "党群服务中心", COMMUNITIES[k], community[k], point(p[0] + 30, p[1] + 30));
        }
    }

    /** The union of blocks i0..i1 × j0..j1 (exclusive ends) as WKT. */
    private String blocks(int i0, int i1, int j0, int j1) {
        var ring = new ArrayList<double[]>();
        for (int i = i0; i <= i1; i++) {
            ring.add(corner(i, j0));
        }
        for (int j = j0 + 1; j <= j1; j++) {
            ring.add(corner(i1, j));
        }
        for (int i = i1 - 1; i >= i0; i--) {
            ring.add(corner(i, j1));
        }
        for (int j = j1 - 1; j >= j0; j--) {
            ring.add(corner(i0, j));
        }
        var wkt = new StringBuilder("POLYGON((");
        for (int n = 0; n < ring.size(); n++) {
            wkt.append(n == 0 ? "" : ", ").append(lonLat(ring.get(n)));
        }
        return wkt.append("))").toString();
    }

    private void roads(Connection c) throws SQLException {
        try (PreparedStatement street = c.prepareStatement("""
                INSERT INTO street (name, class, left_from, left_to, right_from, right_to, geom)
                VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))""");
             PreparedStatement address = addressStatement(c)) {
            for (int i = 0; i < XS.length; i++) {
                var line = new ArrayList<double[]>();
                for (int j = 0; j < YS.length; j++) {
                    line.add(crossing(i, j));
                }
                road(street, address, NORTH_SOUTH[i], i % 3 == 0 ? "axis" : "main", line);
            }
            for (int j = 0; j < YS.length; j++) {
                var line = new ArrayList<double[]>();
                for (int i = 0; i < XS.length; i++) {
                    line.add(crossing(i, j));
                }
                if (EAST_WEST[j].equals("建军路")) {
                    road(street, address, "建军西路", "main", line.subList(0, 4));
                    road(street, address, "建军东路", "main", line.subList(3, line.size()));
                } else {
                    road(street, address, EAST_WEST[j], j % 2 == 0 ? "axis" : "main", line);
                }
            }
            double[] a = crossing(2, 3);
            double[] b = crossing(3, 3);
            road(street, address, "三元巷", "lane", List.of(new double[] {a[0] + 60, a[1] + 200}, new double[] {b[0] - 60, b[1] + 200}));
            street.executeBatch();
            address.executeBatch();
        }
    }

    /**
     * One road from its crossings: a segment between each two, numbers every 20 m per side from
     * the road's start (odd on the left), each segment's ranges the numbers within it.
     */
    private void road(PreparedStatement street, PreparedStatement address, String name, String cls, List<double[]> crossings)
            throws SQLException {
        double walked = 0;
        for (int s = 0; s + 1 < crossings.size(); s++) {
            double[] a = crossings.get(s);
            double[] b = crossings.get(s + 1);
            double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
            int firstK = (int) Math.ceil((walked - 10) / 20);
            int lastK = (int) Math.floor((walked + len - 10 - 1e-6) / 20);
            if (lastK >= firstK && firstK >= 0) {
                street.setString(1, name);
                street.setString(2, cls);
                street.setInt(3, 2 * firstK + 1);
                street.setInt(4, 2 * lastK + 1);
                street.setInt(5, 2 * firstK + 2);
                street.setInt(6, 2 * lastK + 2);
                street.setString(7, "LINESTRING(" + lonLat(a) + ", " + lonLat(b) + ")");
                street.addBatch();
            }
            double ux = (b[0] - a[0]) / len;
            double uy = (b[1] - a[1]) / len;
            for (int k = Math.max(0, firstK); k <= lastK; k++) {
                double along = 10 + 20 * k - walked + random.nextGaussian() * 3;
                for (int side = 0; side < 2; side++) {
                    int number = 2 * k + 1 + side;
                    double off = (12 + 6 * random.nextDouble()) * (side == 0 ? 1 : -1);
                    double x = a[0] + ux * along - uy * off;
                    double y = a[1] + uy * along + ux * off;
                    String full = name + number + "号";
                    if (random.nextDouble() < 0.6) {
                        addAddress(address, full, name, Integer.toString(number), null, null, null, x, y);
                    } else {
                        double[] ll = toLonLat(x, y);
                        withheld.add(new EvaluationCase(full, "interpolated", false, MatchLevel.INTERPOLATED, full, ll[0], ll[1]));
                    }
                }
            }
            walked += len;
        }
    }

    private void estates(Connection c) throws SQLException {
        int n = 0;
        try (PreparedStatement address = addressStatement(c)) {
            for (int i = 0; i < XS.length - 1; i++) {
                for (int j = 0; j < YS.length - 1; j++) {
                    double west = Math.max(crossing(i, j)[0], crossing(i, j + 1)[0]) + 45;
                    double east = Math.min(crossing(i + 1, j)[0], crossing(i + 1, j + 1)[0]) - 45;
                    double south = YS[j] + 45;
                    double north = YS[j + 1] - 45;
                    String name = ESTATES[n++];
                    String[] aliases = name.equals("万方花园") ? new String[] {"万方小区"} : new String[0];
                    int estate = id(c, "INSERT INTO estate (name, aliases, geom) VALUES (?, ?, ST_Multi(ST_GeomFromText(?, 4326))) RETURNING id",
                            name, aliases, rectangle(west, south, east, north));
                    int buildings = 8 + random.nextInt(13);
                    int perRow = Math.max(1, (int) ((east - west - 40) / 75));
                    for (int b = 1; b <= buildings; b++) {
                        double cx = west + 45 + ((b - 1) % perRow) * 75;
                        double cy = south + 30 + ((b - 1) / perRow) * 48;
                        if (cy > north - 20) {
                            break;
                        }
                        int building = id(c, "INSERT INTO building (estate_id, name, number, units, geom) VALUES (?, ?, ?, ?, ST_GeomFromText(?, 4326)) RETURNING id",
                                estate, b + "幢", Integer.toString(b), 3, rectangle(cx - 26, cy - 8, cx + 26, cy + 8));
                        int units = 2 + random.nextInt(2);
                        for (int u = 1; u <= units; u++) {
                            addAddress(address, name + b + "幢" + u + "单元", null, null, estate, building, Integer.toString(u),
                                    cx + (u - (units + 1) / 2.0) * 15, cy);
                        }
                    }
                }
            }
            address.executeBatch();
        }
    }

    private static PreparedStatement addressStatement(Connection c) throws SQLException {
        return c.prepareStatement("""
                INSERT INTO address (full_address, road, house_number, estate_id, building_id, unit, households, geom)
                VALUES (?, ?, ?, ?, ?, ?, 12, ST_GeomFromText(?, 4326))""");
    }

    private void addAddress(PreparedStatement ps, String full, String road, String number, Integer estate, Integer building,
                            String unit, double x, double y) throws SQLException {
        Sql.bind(ps, full, road, number, estate, building, unit, point(x, y));
        ps.addBatch();
        addressCount++;
    }

    private static int id(Connection c, String sql, Object... params) throws SQLException {
        return Sql.one(c, sql, rs -> rs.getInt(1), params).orElseThrow();
    }

    private static String rectangle(double x1, double y1, double x2, double y2) {
        return "POLYGON((" + lonLat(x1, y1) + ", " + lonLat(x2, y1) + ", " + lonLat(x2, y2) + ", " + lonLat(x1, y2) + ", "
                + lonLat(x1, y1) + "))";
    }

    private static String point(double x, double y) {
        return "POINT(" + lonLat(x, y) + ")";
    }

    private static String lonLat(double[] p) {
        return lonLat(p[0], p[1]);
    }

    private static String lonLat(double x, double y) {
        double[] ll = toLonLat(x, y);
        return String.format(Locale.ROOT, "%.8f %.8f", ll[0], ll[1]);
    }

    static double[] toLonLat(double x, double y) {
        return new double[] {LON0 + x / Metres.perDegreeLon(LAT0), LAT0 + y / Metres.PER_DEGREE_LAT};
    }
}
