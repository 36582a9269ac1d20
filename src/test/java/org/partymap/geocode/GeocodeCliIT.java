package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.io.CsvTable;
import org.partymap.io.TextDecoding;
import org.partymap.testing.CliProcess;
import org.partymap.testing.Fixtures;

class GeocodeCliIT {

    private static GeocodeFixtures.CommandLine cli;
    private static Path home;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        cli = GeocodeFixtures.CommandLine.open("partymap-geocode-cli");
        home = cli.home();
        env = cli.env();
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    /** The exit code, stdout as bytes and stderr of one run. */
    private record Run(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private static Run geocode(byte[] file, String... options) throws IOException, InterruptedException {
        Path in = Files.createTempFile(home, "in", ".csv");
        Files.write(in, file);
        Path err = Files.createTempFile(home, "err", ".txt");
        String[] args = new String[options.length + 2];
        args[0] = "geocode";
        args[1] = in.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        Process p = CliProcess.builder(home, env, args).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    private static final String RESIDENTS = """
            姓名,地址,电话
            张三,江苏省盐城市亭湖区人民路12号,100-0000-0001
            李四,万方花园三号楼二单元501室,100-0000-0002
            王五,"火星基地, 外太空",100-0000-0003
            赵六,,100-0000-0004
            """;

    @Test
    void aCsvGetsItsPointsLevelsScoresAndGridsAndASummary() throws Exception {
        Run r = geocode(Fixtures.utf8(RESIDENTS), "--column", "地址");
        assertEquals(0, r.exitCode(), r.stderr());
        CsvTable out = CsvTable.parse(r.out());
        assertEquals(List.of("姓名", "地址", "电话", "lon", "lat", "level", "score", "matched_address", "grid_code", "grid_name"),
                out.header());
        List<String> zhang = out.rows().get(0).fields();
        assertEquals(List.of("张三", "江苏省盐城市亭湖区人民路12号", "100-0000-0001", "120.1495000", "33.3831000", "address"),
                zhang.subList(0, 6));
        assertEquals(List.of("人民路12号", "320902001001001", "第一网格"), zhang.subList(7, 10));
        assertEquals("万方花园3幢2单元", out.rows().get(1).fields().get(7));
        assertEquals("火星基地, 外太空", out.rows().get(2).fields().get(1), "a quoted comma survives");
        assertEquals("", out.rows().get(3).fields().get(3), "an empty address stays unplaced");
        assertTrue(r.stderr().contains("geocoding [##############################] 100% 4/4"), r.stderr());
        assertTrue(r.stderr().contains("geocoded 4 rows"), r.stderr());
        assertTrue(r.stderr().matches("(?s).*address\\s+2\\n.*"), r.stderr());
        assertTrue(r.stderr().matches("(?s).*unmatched\\s+\\d+: lines? [0-9, ]*5.*"), "line 5 has no address: " + r.stderr());
    }

    @Test
    void aGbkFileIsAnsweredInGbk() throws Exception {
        Run r = geocode(RESIDENTS.getBytes(TextDecoding.GB18030), "--column", "地址");
        assertEquals(0, r.exitCode(), r.stderr());
        String text = TextDecoding.decode(r.stdout()).text();
        assertEquals("GBK", TextDecoding.decode(r.stdout()).encoding());
        assertTrue(text.contains("万方花园3幢2单元"), text);
    }

    @Test
    void columnsOfTheSameNameAreOverwrittenNotRepeated() throws Exception {
        Run r = geocode(Fixtures.utf8("address,lon,lat\n人民路12号,0,0\n"));
        assertEquals(0, r.exitCode(), r.stderr());
        CsvTable out = CsvTable.parse(r.out());
        assertEquals(List.of("address", "lon", "lat", "level", "score", "matched_address", "grid_code", "grid_name"), out.header());
        assertEquals("120.1495000", out.rows().get(0).fields().get(1));
    }

    @Test
    void aFileWithoutTheColumnIsRefusedInOneLineAndNothingIsWritten() throws Exception {
        Run r = geocode(Fixtures.utf8(RESIDENTS), "--column", "address");
        assertEquals(1, r.exitCode());
        assertEquals(0, r.stdout().length);
        assertTrue(r.stderr().strip().endsWith("the header has no column 'address'; its columns are: 姓名, 地址, 电话"), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
    }

    @Test
    void aRaggedRowIsRefusedWithItsLine() throws Exception {
        Run r = geocode(Fixtures.utf8("address,name\n人民路12号,a\n人民路13号,b,extra\n"));
        assertEquals(1, r.exitCode());
        assertEquals(0, r.stdout().length);
        assertTrue(r.stderr().contains("line 3: 3 fields, but the header has 2"), r.stderr());
    }

    @Test
    void aBrokenEncodingIsRefusedWithItsLine() throws Exception {
        byte[] head = Fixtures.utf8("address\n人民路12号\n");
        byte[] bad = {(byte) 0xFF, (byte) 0xFE, (byte) 0x80, '\n'};
        byte[] file = new byte[head.length + bad.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(bad, 0, file, head.length, bad.length);
        Run r = geocode(file);
        assertEquals(1, r.exitCode());
        assertEquals(0, r.stdout().length);
        assertTrue(r.stderr().contains("invalid byte on line 3"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), r.stderr());
    }

    @Test
    void withoutAFileItIsAUsageError() throws Exception {
        Process p = CliProcess.builder(home, env, "geocode", "--column", "address").start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(err.endsWith("; see ./partymap help\n") && err.lines().count() == 1, err);
    }
}
