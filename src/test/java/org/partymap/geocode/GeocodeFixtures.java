package org.partymap.geocode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geo.Crs;
import org.partymap.layer.Layer;
import org.partymap.layer.LayerImporter;
import org.partymap.testing.CliProcess;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;

/**
 * Extra gazetteer rows on top of the sample data, loaded through the ordinary import path:
 * 万方花园 in the south-west grid of 莲花路社区 (lon 120.1455–120.1485, lat 33.3835–33.3865)
 * with buildings 1–4 in a row from west to east, each with units 1 and 2.
 */
public final class GeocodeFixtures {

    static final double WEST = 120.1455;
    static final double SOUTH = 33.3835;

    private GeocodeFixtures() {
    }

    public static void loadEstate(Database db) {
        var importer = new LayerImporter(db.dataSource());
        importer.importFile(Fixtures.utf8(collection(polygon("万方花园", "", WEST, SOUTH, WEST + 0.003, SOUTH + 0.003))),
                "estates.geojson", Layer.ESTATES, Crs.WGS84, "test");
        var buildings = new ArrayList<String>();
        var addresses = new StringBuilder("full_address,estate,lon,lat\n");
        for (int b = 1; b <= 4; b++) {
            double x = buildingLon(b);
            buildings.add(polygon(b + "幢", ",\"number\": \"" + b + "\", \"estate\": \"万方花园\"", x - 0.0002, SOUTH + 0.001,
                    x + 0.0002, SOUTH + 0.0015));
            for (int u = 1; u <= 2; u++) {
                addresses.append(String.format(Locale.ROOT, "万方花园%d幢%d单元,万方花园,%.6f,%.6f%n", b, u,
                        x - 0.0001 + 0.0002 * (u - 1), SOUTH + 0.00125));
            }
        }
        importer.importFile(Fixtures.utf8(collection(String.join(",", buildings))), "buildings.geojson", Layer.BUILDINGS,
                Crs.WGS84, "test");
        importer.importFile(Fixtures.utf8(addresses.toString()), "addresses.csv", Layer.ADDRESSES, Crs.WGS84, "test");
    }

    /** The sample district with 万方花园 in a fresh database, a home of its own, and the settings that point a command at both. */
    public record CommandLine(Database db, Path home, Map<String, String> env) implements AutoCloseable {
        public static CommandLine open(String homePrefix) {
            Database db = TestDatabase.fresh();
            Fixtures.loadSample(db);
            loadEstate(db);
            return new CommandLine(db, TestDatabase.newHome(homePrefix), CliProcess.databaseEnv(db));
        }

        public long count(String sql) {
            return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1)).orElseThrow();
        }

        @Override
        public void close() {
            db.close();
            TestDatabase.deleteTree(home);
        }
    }

    public static double buildingLon(int b) {
        return WEST + 0.0006 * b;
    }

    private static String collection(String features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + features + "]}";
    }

    private static String polygon(String name, String more, double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, """
                {"type": "Feature", "properties": {"name": "%s"%s},
                 "geometry": {"type": "Polygon", "coordinates": [[[%f, %f], [%f, %f], [%f, %f], [%f, %f], [%f, %f]]]}}""",
                name, more, x1, y1, x2, y1, x2, y2, x1, y2, x1, y1);
    }
}
