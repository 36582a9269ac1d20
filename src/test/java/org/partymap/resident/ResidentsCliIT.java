package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geocode.GeocodeFixtures;
import org.partymap.testing.CliProcess;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;

/** {@code partymap residents import FILE}: the same import from the command line, its progress on stderr, its summary on stdout. */
class ResidentsCliIT {

    private static Database db;
    private static Path home;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        GeocodeFixtures.loadEstate(db);
        home = TestDatabase.newHome("partymap-residents-cli");
        TestDatabase.Server server = TestDatabase.server();
        env = Map.of("PARTYMAP_DB_URL", ((HikariDataSource) db.dataSource()).getJdbcUrl(),
                "PARTYMAP_DB_USER", server.user(), "PARTYMAP_DB_PASSWORD", server.password());
    }

    @AfterAll
    static void stop() {
        db.close();
        TestDatabase.deleteTree(home);
    }

    private static Path file(String name, byte[] bytes) throws Exception {
        Path p = home.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static long count(String sql) {
        return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1)).orElseThrow();
    }

    @Test
    void anOperatorImportsARegisterIntoEveryGridWithAProgressBarAndASummary() throws Exception {
        Path csv = file("命令行.csv", ResidentImportIT.register(
                new String[] {"命令甲", "320902195001015001", "人民路12号"},
                new String[] {"命令乙", "320902195001015002", "人民路13号"},
                new String[] {"命令丙", "320902195001015003", "不详"}).getBytes(StandardCharsets.UTF_8));
        CliProcess.Result r = CliProcess.run(home, env, "residents", "import", csv.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("imported 3 of 3 rows of 命令行.csv"), r.stdout());
        assertTrue(r.stdout().contains("unmatched                  1: line 4"), r.stdout());
        assertTrue(r.stdout().contains("rows wait in the review queue"), r.stdout());
        assertTrue(r.stderr().contains("geocoding [##############################] 100% 3/3"), r.stderr());
        assertEquals(2, count("SELECT count(*) FROM resident WHERE name IN ('命令甲', '命令乙') AND review_status = 'ok' AND grid_id IS NOT NULL"));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'resident_import' AND username LIKE '(command line%'"));

        CliProcess.Result again = CliProcess.run(home, env, "residents", "import", csv.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.stderr().contains("imported already") && again.stderr().contains("--force"), again.stderr());
        assertEquals(0, CliProcess.run(home, env, "residents", "import", csv.toString(), "--force").exitCode());
        assertEquals(2, count("SELECT count(*) FROM resident WHERE name = '命令甲'"));
    }

    @Test
    void aBadFileStopsItWithTheLineAndNothingIsWritten() throws Exception {
        long before = count("SELECT count(*) FROM resident");
        Path ragged = file("ragged.csv", (ResidentImportIT.HEADER + "\n1,甲,男\n").getBytes(StandardCharsets.UTF_8));
        CliProcess.Result r = CliProcess.run(home, env, "residents", "import", ragged.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("import refused, nothing was written") && r.stderr().contains("line 2: 3 fields"), r.stderr());
        assertEquals(1, CliProcess.run(home, env, "residents", "import", home.resolve("missing.csv").toString()).exitCode());
        assertEquals(2, CliProcess.run(home, env, "residents").exitCode(), "no subcommand is a usage error");
        assertEquals(2, CliProcess.run(home, env, "residents", "import").exitCode());
        assertEquals(2, CliProcess.run(home, env, "residents", "import", "a.csv", "--bogus").exitCode());
        assertEquals(before, count("SELECT count(*) FROM resident"));
    }
}
