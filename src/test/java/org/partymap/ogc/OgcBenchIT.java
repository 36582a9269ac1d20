package org.partymap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partymap.testing.CliProcess;
import org.partymap.testing.TestDatabase;

/** {@code partymap bench ogc} runs end to end (on a few features: the figures are not checked here). */
class OgcBenchIT {

    private static Path home;

    @BeforeAll
    static void newHome() {
        home = TestDatabase.newHome("partymap-bench-it");
    }

    @AfterAll
    static void removeHome() {
        TestDatabase.deleteTree(home);
    }

    @Test
    void theBenchmarkReadsEveryFeatureAndPrintsThroughputAndHeap() {
        var r = CliProcess.run(home, Map.of(), "bench", "ogc", "--features", "2500", "--limit", "1000");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("2500 synthetic grids"), r.stdout());
        assertTrue(r.stdout().contains("limit  1000:    3 pages, 2500 features"), r.stdout());
        assertTrue(r.stdout().contains("features/s") && r.stdout().contains("live after a GC"), r.stdout());
    }

    @Test
    void theCardsBenchmarkWritesEveryGridsCardOfASyntheticDistrictAndPrintsTimeAndSize() {
        var r = CliProcess.run(home, Map.of(), "bench", "cards", "--synthetic", "--rounds", "1");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("280 cards on 56 A4 pages (28 sheets"), r.stdout());
        assertTrue(r.stdout().contains(" MB (") && r.stdout().contains("aim: ≤ 10 s and ≤ 20 MB"), r.stdout());
    }

    @Test
    void theMapBenchmarkMeasuresLookUpsWalkingAndAPhonesFirstViewOnASyntheticDistrict() {
        var r = CliProcess.run(home, Map.of(), "bench", "map", "--synthetic", "--seconds", "1", "--warmup", "0", "--clients", "2", "--no-browser");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("/api/locate") && r.stdout().contains("walking"), r.stdout());
        assertTrue(r.stdout().contains("a phone's first view") && r.stdout().contains("first views 2: "), r.stdout());
        assertTrue(r.stdout().contains("/ogc/collections p50") && r.stdout().contains("mixed 2: "), r.stdout());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bench|bench needs the name of a benchmark: cards, consult, geocode, map, ogc",
        "bench cards --fast|unknown option --fast",
        "bench cards --rounds 0|--rounds must be 1..100",
        "bench nope|unknown benchmark 'nope'",
        "bench ogc --features 0|--features must be a whole number from 1",
        "bench ogc --limit|--limit needs a number",
        "bench ogc --fast|unknown option --fast"})
    void aWrongCommandLineIsAUsageError(String args, String message) {
        var r = CliProcess.run(home, Map.of(), args.split(" "));
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains(message), r.stderr());
    }
}
