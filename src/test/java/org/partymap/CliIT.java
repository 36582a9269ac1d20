package org.partymap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.testing.CliProcess;
import org.partymap.testing.TestDatabase;

class CliIT {

    private Path home;

    @BeforeEach
    void newHome() {
        home = TestDatabase.newHome("partymap-cli");
    }

    @AfterEach
    void removeHome() {
        TestDatabase.deleteTree(home);
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** How many features a public collection holds, as its OGC items page counts them. */
    private static long matched(int port, String collection) throws Exception {
        var page = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(port, "/ogc/collections/" + collection + "/items?limit=1&f=json"));
        return page.get("numberMatched").asLong();
    }

    @Test
    void aServerRefusesASecondStartSurvivesSigkillAndKeepsItsData() throws Exception {
        var first = CliProcess.serve(home, Map.of(), "serve", Duration.ofSeconds(90));
        try {
            var imported = CliProcess.run(home, Map.of(), "import", "data/sample/subdistricts.geojson", "--layer", "subdistricts");
            assertEquals(0, imported.exitCode(), imported.stderr());
            assertTrue(imported.stdout().contains("1 added"), imported.stdout());

            var second = CliProcess.run(home, Map.of(), "serve");
            assertEquals(1, second.exitCode());
            assertTrue(second.stderr().contains("already running (pid " + first.process().pid() + ")"), second.stderr());
        } finally {
            first.process().destroyForcibly();
            first.process().waitFor(30, TimeUnit.SECONDS);
        }
        var again = CliProcess.serve(home, Map.of(), "serve", Duration.ofSeconds(90));
        try {
            assertEquals(1, matched(again.port(), "subdistricts"));
        } finally {
            again.process().destroy(); // SIGTERM: a clean stop
            assertTrue(again.process().waitFor(60, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(home.resolve("pg/postmaster.pid")), "SIGTERM stops the cluster too");
    }

    @Test
    void theDemoGeneratesTheDistrictOnAnEmptyDatabaseAndGenerateDemoReplacesItOnlyWhenTold() throws Exception {
        var demo = CliProcess.serve(home, Map.of(), "demo", Duration.ofSeconds(300));
        try {
            assertEquals(268, matched(demo.port(), "grids"));
            assertEquals(1030, matched(demo.port(), "party_groups"));
            var refused = CliProcess.run(home, Map.of(), "generate-demo");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.stderr().contains("already holds 7 subdistricts") && refused.stderr().contains("--replace"),
                    refused.stderr());
            assertEquals(268, matched(demo.port(), "grids"), "the refusal changed nothing");
            var stats = CliProcess.run(home, Map.of(), "stats");
            assertEquals(0, stats.exitCode(), stats.stderr());
            assertTrue(stats.stdout().contains("grids                     268\n") && stats.stdout().contains("buildings              20,183\n")
                    && stats.stdout().contains("residents             100,000\n"), stats.stdout());
            assertEquals("", stats.stderr(), "stats prints its counts and nothing else");
        } finally {
            demo.process().destroy();
            demo.process().waitFor(60, TimeUnit.SECONDS);
        }
        assertTrue(Files.size(home.resolve("demo/residents.csv")) > 5_000_000, "the residents' register is written");
        var replaced = CliProcess.run(home, Map.of(), "generate-demo", "--replace");
        assertEquals(0, replaced.exitCode(), replaced.stderr());
        assertTrue(replaced.stdout().contains("268 grid, ") && replaced.stdout().contains("1,030 party_group"), replaced.stdout());
        assertTrue(replaced.stderr().contains("demo [ 1/12] street network"), "phases on stderr: " + replaced.stderr());
    }

    @Test
    void generateDemoTakesNoOtherArgument() {
        var r = CliProcess.run(home, Map.of(), "generate-demo", "--force");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("generate-demo takes only --replace"), r.stderr());
    }

    @Test
    void importingABrokenFileChangesNothingAndNamesTheFeature() throws Exception {
        Path bad = home.resolve("bad.geojson");
        Files.writeString(bad, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "先锋街道", "code": "320902001"},
                   "geometry": {"type": "Polygon", "coordinates": [[[120.14, 33.38], [120.16, 33.38], [120.16, 33.40], [120.14, 33.38]]]}},
                  {"type": "Feature", "properties": {"name": "五星街道"},
                   "geometry": {"type": "Polygon", "coordinates": [[[120.16, 33.38], [120.18, 33.38], [120.18, 33.40], [120.16, 33.38]]]}}]}""");
        var r = CliProcess.run(home, Map.of(), "import", bad.toString(), "--layer", "subdistricts");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("nothing was written"), r.stderr());
        assertTrue(r.stderr().contains("feature 2: the property 'code' is required"), r.stderr());
        var ok = CliProcess.run(home, Map.of(), "import", "data/sample/subdistricts.geojson", "--layer", "subdistricts");
        assertTrue(ok.stdout().contains("1 added, 0 updated"), "the refused file left nothing behind: " + ok.stdout());
    }

    @Test
    void anUnknownCommandIsOneLinePointingToHelpAndExits2() {
        var r = CliProcess.run(home, Map.of(), "frobnicate");
        assertEquals(2, r.exitCode());
        assertEquals("partymap: unknown command 'frobnicate'; see ./partymap help\n", r.stderr(), "one line, the usage only once asked for");
    }

    @Test
    void anUnknownLayerOrCrsIsAUsageError() {
        assertEquals(2, CliProcess.run(home, Map.of(), "import", "x.geojson", "--layer", "rivers").exitCode());
        assertEquals(2, CliProcess.run(home, Map.of(), "import", "x.geojson", "--layer", "grids", "--crs", "bd09").exitCode());
    }

    @Test
    void aDatabaseWithoutPostgisStopsTheServerWithOneLine() {
        var server = TestDatabase.server();
        TestDatabase.execute(server, "DROP DATABASE IF EXISTS cli_no_postgis");
        TestDatabase.execute(server, "DROP ROLE IF EXISTS cli_plain");
        TestDatabase.execute(server, "CREATE ROLE cli_plain LOGIN PASSWORD 'pw'");
        TestDatabase.execute(server, "CREATE DATABASE cli_no_postgis TEMPLATE template0");
        var r = CliProcess.run(home, Map.of("PARTYMAP_DB_URL", server.url("cli_no_postgis"),
                "PARTYMAP_DB_USER", "cli_plain", "PARTYMAP_DB_PASSWORD", "pw"), "serve");
        assertEquals(1, r.exitCode());
        String last = r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("partymap: ") && last.contains("CREATE EXTENSION postgis"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    }
}
