package org.partymap.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.geocode.GeocodeFixtures;
import org.partymap.testing.CliProcess;

/** {@code partymap cards --community NAME|CODE > cards.pdf}: the PDF on standard output, refusals in one line. */
class CardsCliIT {

    private static GeocodeFixtures.CommandLine cli;

    @BeforeAll
    static void start() {
        cli = GeocodeFixtures.CommandLine.open("partymap-cards-cli");
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    /** What a run wrote to standard output (a file, as a shell redirection makes it) and to standard error. */
    private record Run(int exitCode, byte[] stdout, String stderr) {
    }

    private static Run cards(Map<String, String> extra, String... args) throws Exception {
        var env = new HashMap<>(cli.env());
        env.putAll(extra);
        var command = new String[args.length + 1];
        command[0] = "cards";
        System.arraycopy(args, 0, command, 1, args.length);
        Path out = Files.createTempFile(cli.home(), "cards", ".pdf");
        Path err = Files.createTempFile(cli.home(), "cards", ".err");
        Process p = CliProcess.builder(cli.home(), env, command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "cards did not finish");
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static final Map<String, String> PUBLIC = Map.of("PARTYMAP_PUBLIC_URL", "https://map.example.cn");

    @Test
    void anOperatorWritesACommunitysCardsToAFileByNameOrByCode() throws Exception {
        Run r = cards(PUBLIC, "--community", "莲花路社区");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("wrote 2 cards"), r.stderr());
        try (var doc = Loader.loadPDF(r.stdout())) {
            assertEquals(2, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("王丽") && text.contains("陈明") && text.contains("莲花路社区党群服务中心"), text);
        }
        Run byCode = cards(PUBLIC, "--community", "320902001002", "--subdistrict", "先锋街道");
        assertEquals(0, byCode.exitCode(), byCode.stderr());
        try (var doc = Loader.loadPDF(byCode.stdout())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("张华") && !text.contains("王丽"), text);
        }
    }

    @Test
    void anUnknownCommunityOrAnUnusablePublicAddressIsRefusedInOneLine() throws Exception {
        Run unknown = cards(PUBLIC, "--community", "不存在社区");
        assertEquals(1, unknown.exitCode());
        assertEquals(1, unknown.stderr().strip().lines().count(), unknown.stderr());
        assertTrue(unknown.stderr().startsWith("partymap: there is no community '不存在社区'"), unknown.stderr());
        assertEquals(0, unknown.stdout().length, "nothing is written");

        Run elsewhere = cards(PUBLIC, "--community", "莲花路社区", "--subdistrict", "邻近街道");
        assertEquals(1, elsewhere.exitCode(), elsewhere.stderr());

        Run unset = cards(Map.of(), "--community", "莲花路社区");
        assertEquals(1, unset.exitCode());
        assertEquals(1, unset.stderr().strip().lines().count(), unset.stderr());
        assertTrue(unset.stderr().contains("set PARTYMAP_PUBLIC_URL"), unset.stderr());

        Run loopback = cards(Map.of("PARTYMAP_PUBLIC_URL", "http://localhost:7070"), "--community", "莲花路社区");
        assertEquals(1, loopback.exitCode());
        assertTrue(loopback.stderr().contains("loopback"), loopback.stderr());
        assertEquals(0, loopback.stdout().length);
    }

    @Test
    void noPdfIsWrittenToATerminal() throws Exception {
        var env = new HashMap<>(cli.env());
        env.putAll(PUBLIC);
        ProcessBuilder java = CliProcess.builder(cli.home(), env, "cards", "--community", "莲花路社区");
        // util-linux's script runs the command on a pseudo-terminal
        String command = String.join(" ", java.command().stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        var pb = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(java.environment());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("standard output, which is a terminal") && !out.contains("%PDF"), out);
    }

    @Test
    void aWrongCommandLineIsAUsageError() throws Exception {
        Run none = cards(PUBLIC);
        assertEquals(2, none.exitCode());
        assertTrue(none.stderr().startsWith("partymap: cards needs --community NAME|CODE"), none.stderr());
        assertEquals(2, cards(PUBLIC, "--community").exitCode());
        assertEquals(2, cards(PUBLIC, "--community", "莲花路社区", "--fast").exitCode());
    }
}
