package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.testing.CliProcess;

/**
 * {@code partymap bench geocode} on a small district: it prints the accuracy of the geocoder and
 * of the pg_trgm baseline, the import time and the throughput beside the baseline — and leaves
 * the database as it found it (the import is rolled back, the baseline's schema dropped).
 */
class GeocodeBenchIT {

    private static GeocodeFixtures.CommandLine cli;
    private static Path home;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        cli = GeocodeFixtures.CommandLine.open("partymap-geocode-bench");
        home = cli.home();
        env = cli.env();
    }

    @AfterAll
    static void stop() {
        cli.close();
    }


    @Test
    void theBenchPrintsEveryFigureBesideTheBaselineAndChangesNothing() throws Exception {
        Path set = home.resolve("set.csv");
        Files.writeString(set, EvaluationCase.toCsv(List.of(
                new EvaluationCase("万方花园3幢2单元", "standard", false, MatchLevel.ADDRESS, "万方花园3幢2单元",
                        GeocodeFixtures.buildingLon(3) + 0.0001, GeocodeFixtures.SOUTH + 0.00125),
                new EvaluationCase("江苏省盐城市亭湖区万方花园三号楼二单元", "full_prefix", false, MatchLevel.ADDRESS, "万方花园3幢2单元",
                        GeocodeFixtures.buildingLon(3) + 0.0001, GeocodeFixtures.SOUTH + 0.00125),
                new EvaluationCase("火星路1号", "nonexistent", true, null, "", Double.NaN, Double.NaN))), StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve("demo"));
        Files.writeString(home.resolve("demo/residents.csv"), "姓名,居住地址\n甲,万方花园1幢1单元\n乙,不详\n", StandardCharsets.UTF_8);
        long residents = cli.count("SELECT count(*) FROM resident");
        long imports = cli.count("SELECT count(*) FROM resident_import");

        CliProcess.Result r = CliProcess.run(home, env, "bench", "geocode", "--set", set.toString(), "--seconds", "1", "--warmup", "0",
                "--clients", "2");

        assertEquals(0, r.exitCode(), r.stderr());
        String out = r.stdout();
        assertTrue(out.contains("accuracy on " + set) && out.contains("3 cases: 2 that exist, 1 that do not"), out);
        assertTrue(out.contains("pg_trgm baseline on the same cases: right"), out);
        assertTrue(out.contains("(2 rows, 2 kept, 1 to review)") && out.contains("target ≤ 10 s"), out);
        assertTrue(out.matches("(?s).*/api/geocode \\(HTTP\\) +[0-9]+ req/s.*pg_trgm baseline \\(JDBC\\) +[0-9]+ req/s.*× the baseline.*"), out);
        assertEquals(residents, cli.count("SELECT count(*) FROM resident"), "the import was rolled back");
        assertEquals(imports, cli.count("SELECT count(*) FROM resident_import"));
        assertEquals(0, cli.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'bench_trigram'"), "the baseline's copy is gone");
        assertEquals(2, CliProcess.run(home, env, "bench", "geocode", "--seconds").exitCode());
    }
}
