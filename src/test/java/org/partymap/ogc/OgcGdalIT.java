package org.partymap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * GDAL (gdal-bin, a test prerequisite of the launcher) reads /ogc as any OGC API - Features
 * server: ogrinfo lists the collections, ogr2ogr copies a whole collection page by page.
 * There are 30 grids, more than GDAL's page of 10 (GDAL 3.6) or an explicit smaller page.
 */
class OgcGdalIT {

    private static final int GRIDS = 30;
    private static final Pattern FETCHED = Pattern.compile("HTTP: Fetch\\((\\S+)\\)");
    private static final Pattern CODE = Pattern.compile("code \\(String\\) = (\\d{15})");
    /** 26 more grids of 莲花路社区, in a row of small squares north of the sample. */
    private static final String MORE_GRIDS = """
            INSERT INTO grid (code, community_id, name, branch_name, geom)
            SELECT '320902001001' || (100 + n), c.id, '北区第' || n || '网格', '莲花路社区北区第' || n || '网格党支部',
                   ST_Multi(ST_MakeEnvelope(120.14 + n * 0.001, 33.41, 120.1409 + n * 0.001, 33.4109, 4326))
              FROM generate_series(1, ?) AS n, community c
             WHERE c.name = '莲花路社区'""";

    private static Database db;
    private static TestServer server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Sql.update(db.dataSource(), MORE_GRIDS, GRIDS - 4);
        server = TestServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) {
        try {
            var pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
            pb.environment().put("no_proxy", "127.0.0.1,localhost");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String source() {
        return "OAPIF:" + server.uri("/ogc");
    }

    private static TreeSet<String> codesIn(Path gpkg) {
        Run dump = run("ogrinfo", "-ro", "-al", "-q", "-geom=NO", gpkg.toString());
        assertEquals(0, dump.exit(), dump.output());
        var codes = new TreeSet<String>();
        Matcher m = CODE.matcher(dump.output());
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static TreeSet<String> codesInDatabase() {
        return new TreeSet<>(Sql.list(db.dataSource(), "SELECT code FROM grid", rs -> rs.getString(1)));
    }

    private static List<String> itemRequests(String output) {
        var urls = new ArrayList<String>();
        Matcher m = FETCHED.matcher(output);
        while (m.find()) {
            if (m.group(1).contains("/items")) {
                urls.add(m.group(1));
            }
        }
        return urls;
    }

    @Test
    void ogrinfoListsEveryCollectionWithItsTitle() {
        Run r = run("ogrinfo", "-ro", source());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("grids (title: 网格 Grids (party branches)) (Multi Polygon)"), r.output());
        for (OgcCollection c : CollectionCatalog.load().all()) {
            assertTrue(r.output().contains(": " + c.id() + " (title: "), c.id() + " missing from\n" + r.output());
        }
        assertFalse(r.output().contains("resident"));
    }

    @Test
    void ogrinfoReadsTheExtentTheCountAndTheTypedFieldsOfACollection() {
        Run r = run("ogrinfo", "-ro", "-so", source(), "grids");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Feature Count: " + GRIDS), r.output());
        assertTrue(r.output().contains("Extent: (120.140000, 33.380000) - (120.166900, 33.410900)"), r.output());
        assertTrue(r.output().contains("households: Integer"), r.output());
        assertTrue(r.output().contains("duties: StringList"), r.output());
    }

    @Test
    void ogr2ogrCopiesEveryGridIntoAGeoPackage() {
        Path gpkg = dir.resolve("grids.gpkg");
        Run r = run("ogr2ogr", "-f", "GPKG", gpkg.toString(), source(), "grids");
        assertEquals(0, r.exit(), r.output());
        assertEquals(codesInDatabase(), codesIn(gpkg));
        assertEquals(GRIDS, codesIn(gpkg).size());
    }

    @Test
    void ogr2ogrFollowsTheNextLinksPageByPage() {
        Path gpkg = dir.resolve("paged.gpkg");
        Run r = run("ogr2ogr", "--debug", "on", "-oo", "PAGE_SIZE=7", "-f", "GPKG", gpkg.toString(), source(), "grids");
        assertEquals(0, r.exit(), r.output());
        assertEquals(codesInDatabase(), codesIn(gpkg));
        List<String> pages = itemRequests(r.output()).stream().filter(u -> u.contains("offset=")).toList();
        assertEquals(List.of("offset=7", "offset=14", "offset=21", "offset=28"),
                pages.stream().map(u -> u.replaceAll(".*(offset=\\d+).*", "$1")).toList(), r.output());
    }

    @Test
    void gdalSendsEqualityFiltersOnQueryablesAndBoxesToTheServer() {
        Run r = run("ogrinfo", "--debug", "on", "-ro", "-q", "-geom=NO", "-where", "code = '320902001002001'",
                "-spat", "120.10", "33.30", "120.20", "33.45", source(), "grids");
        assertEquals(0, r.exit(), r.output());
        assertTrue(itemRequests(r.output()).stream().anyMatch(u -> u.contains("code=320902001002001") && u.contains("bbox=")),
                String.join("\n", itemRequests(r.output())));
        Matcher m = CODE.matcher(r.output());
        var found = new TreeSet<String>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertEquals(new TreeSet<>(List.of("320902001002001")), found);
    }
}
