package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.geocode.GeocodeFixtures;
import org.partymap.testing.CliProcess;

/** {@code partymap residents import FILE}: the same import from the command line, its progress on stderr, its summary on stdout. */
class ResidentsCliIT {

    private static GeocodeFixtures.CommandLine cli;
    private static Path home;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        cli = GeocodeFixtures.CommandLine.open("partymap-residents-cli");
        home = cli.home();
        env = cli.env();
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    private static Path file(String name, byte[] bytes) throws Exception {
        Path p = home.resolve(name);
        Files.write(p, bytes);
        return p;
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
        assertEquals(2, cli.count("SELECT count(*) FROM resident WHERE name IN ('命令甲', '命令乙') AND review_status = 'ok' AND grid_id IS NOT NULL"));
        assertEquals(1, cli.count("SELECT count(*) FROM audit_log WHERE action = 'resident_import' AND username LIKE '(command line%'"));

        CliProcess.Result again = CliProcess.run(home, env, "residents", "import", csv.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.stderr().contains("imported already") && again.stderr().contains("--force"), again.stderr());
        assertEquals(0, CliProcess.run(home, env, "residents", "import", csv.toString(), "--force").exitCode());
        assertEquals(2, cli.count("SELECT count(*) FROM resident WHERE name = '命令甲'"));
    }

    @Test
    void aBadFileStopsItWithTheLineAndNothingIsWritten() throws Exception {
        long before = cli.count("SELECT count(*) FROM resident");
        Path ragged = file("ragged.csv", (ResidentImportIT.HEADER + "\n1,甲,男\n").getBytes(StandardCharsets.UTF_8));
        CliProcess.Result r = CliProcess.run(home, env, "residents", "import", ragged.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("import refused, nothing was written") && r.stderr().contains("line 2: 3 fields"), r.stderr());
        assertTrue(!r.stderr().contains("gazetteer"), "a refused file loads nothing first: " + r.stderr());
        Path utf16 = file("utf16.csv", (ResidentImportIT.HEADER + "\n").getBytes(StandardCharsets.UTF_16));
        CliProcess.Result encoding = CliProcess.run(home, env, "residents", "import", utf16.toString());
        assertEquals(1, encoding.exitCode());
        assertEquals("partymap: import refused, nothing was written: utf16.csv\n  the file is UTF-16; save it as UTF-8 or GBK\n", encoding.stderr());
        Path noAddress = file("no-address.csv", "姓名,电话\n张三,100\n".getBytes(StandardCharsets.UTF_8));
        CliProcess.Result column = CliProcess.run(home, env, "residents", "import", noAddress.toString());
        assertEquals(1, column.exitCode());
        assertTrue(column.stderr().startsWith("partymap: import refused, nothing was written: no-address.csv\n  line 1: the header has no address column"),
                column.stderr());
        assertTrue(!column.stderr().contains("gazetteer"), column.stderr());
        assertEquals(1, CliProcess.run(home, env, "residents", "import", home.resolve("missing.csv").toString()).exitCode());
        assertEquals(2, CliProcess.run(home, env, "residents").exitCode(), "no subcommand is a usage error");
        assertEquals(2, CliProcess.run(home, env, "residents", "import").exitCode());
        assertEquals(2, CliProcess.run(home, env, "residents", "import", "a.csv", "--bogus").exitCode());
        assertEquals(before, cli.count("SELECT count(*) FROM resident"));
    }
}
