package org.partymap.geocode;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A small district in memory, drawn for the matcher's tests: 先锋街道 (120.14–120.16, 33.38–33.40)
 * with 莲花路社区 west of lon 120.15 and 健康路社区 east of it, one grid per quarter; 人民路 running
 * north along lon 120.15 in two noded segments (odd numbers on the west, 1–49 then 51–99),
 * 解放路 running east along lat 33.39 (odd on the north), 建军西路 along lat 33.395; every odd
 * and every even number of 人民路 below 40 stored as a standard address except 14, 15 and 16,
 * placed 12 m off the centre line; 万方花园 with buildings 1–6 and units 1–2, the look-alikes
 * 幸福花园 and 幸福家园, and 万方花园网格驿站.
 */
final class SmallGazetteer {

    static final double OFFSET = 12;

    private SmallGazetteer() {
    }

    static Gazetteer build() {
        return builder().build();
    }

    static GazetteerBuilder builder() {
        var b = new GazetteerBuilder().version(1);
        b.subdistrict(1, "320902001", "先锋街道", box(120.14, 33.38, 120.16, 33.40), 120.15, 33.39);
        b.community(1, "320902001001", "莲花路社区", 1, box(120.14, 33.38, 120.15, 33.40), 120.145, 33.39);
        b.community(2, "320902001002", "健康路社区", 1, box(120.15, 33.38, 120.16, 33.40), 120.155, 33.39);
        b.grid(1, "320902001001001", "第一网格", 1, box(120.14, 33.38, 120.15, 33.39));
        b.grid(2, "320902001001002", "第二网格", 1, box(120.14, 33.39, 120.15, 33.40));
        b.grid(3, "320902001002001", "第一网格", 2, box(120.15, 33.38, 120.16, 33.39));
        b.grid(4, "320902001002002", "第二网格", 2, box(120.15, 33.39, 120.16, 33.40));
        Places.Segment south = new Places.Segment(1, "人民路", 1, 49, 2, 50, new double[] {120.15, 33.38, 120.15, 33.39});
        Places.Segment north = new Places.Segment(2, "人民路", 51, 99, 52, 100, new double[] {120.15, 33.39, 120.15, 33.40});
        for (Places.Segment s : List.of(south, north)) {
            b.street(s.id(), s.name(), s.leftFrom(), s.leftTo(), s.rightFrom(), s.rightTo(), s.coordinates());
        }
        b.street(3, "解放路", 1, 59, 2, 60, new double[] {120.14, 33.39, 120.16, 33.39});
        b.street(4, "建军西路", 1, 59, 2, 60, new double[] {120.14, 33.395, 120.16, 33.395});
        b.street(5, "三元巷", 1, 9, 2, 10, new double[] {120.155, 33.385, 120.158, 33.385});
        int id = 1;
        for (int n = 1; n < 40; n++) {
            if (n == 14 || n == 15 || n == 16) {
                continue;
            }
            double[] p = StreetInterpolator.locate(south, n, OFFSET);
            b.address(id++, "人民路" + n + "号", "人民路", Integer.toString(n), null, null, null, null, p[0], p[1]);
        }
        b.address(id++, "三元巷5号", "三元巷", "5", null, null, null, null, 120.1565, 33.3851);
        b.estate(1, "万方花园", List.of("万方小区"), 1, 120.145, 33.385, 80);
        b.estate(2, "幸福花园", List.of(), 2, 120.155, 33.395, 50);
        b.estate(3, "幸福家园", List.of(), 1, 120.142, 33.398, 50);
        for (int bno = 1; bno <= 6; bno++) {
            double lon = 120.144 + 0.0004 * bno;
            double lat = 33.3845;
            b.building(bno, 1, bno + "幢", Integer.toString(bno), null, lon, lat);
            for (int unit = 1; unit <= 2; unit++) {
                b.address(id++, "万方花园" + bno + "幢" + unit + "单元", null, null, 1, Integer.toString(bno),
                        Integer.toString(unit), null, lon + 0.00005 * unit, lat);
            }
        }
        b.address(id++, "幸福花园1幢1单元", null, null, 2, "1", "1", null, 120.1551, 33.3951);
        b.address(id++, "幸福家园1幢1单元", null, null, 3, "1", "1", null, 120.1421, 33.3981);
        b.station(1, "grid_station", "万方花园网格驿站", "万方花园南门", null, 120.1452, 33.3841);
        return b;
    }

    static Geometry box(double x1, double y1, double x2, double y2) {
        try {
            return new WKTReader().read("POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))".formatted(
                    x1, y1, x2, y1, x2, y2, x1, y2, x1, y1));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
