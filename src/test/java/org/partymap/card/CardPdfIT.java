package org.partymap.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * The cards' PDFs read back: text by PDFBox and by poppler's pdftotext, a page rendered by
 * pdftoppm, every QR code decoded by ZXing from a 300 dpi rendering; refusals of a loopback
 * public address, of callers out of scope and of bad ids.
 */
class CardPdfIT {

    private static final String PUBLIC = "https://map.example.cn";
    private static Database db;
    private static TestServer server;
    private static TestServer loopback;
    private static Path dir;
    private static int lianhua;
    private static int subdistrict;
    private static int grid1;
    private static int grid2;

    @BeforeAll
    static void start() throws IOException {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.loadOtherSubdistrict(db);
        TestAccounts.create(db, "worker1", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "staff", Role.GRID_WORKER, "320902001001");
        TestAccounts.create(db, "planner", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "planner-out", Role.PLANNER, Fixtures.OTHER_SUBDISTRICT);
        TestAccounts.create(db, "admin", Role.ADMIN);
        lianhua = Fixtures.id(db, "community", "320902001001");
        subdistrict = Fixtures.id(db, "subdistrict", Fixtures.SUBDISTRICT);
        grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
        grid2 = Fixtures.id(db, "grid", "320902001001002");
        server = TestServer.start(db, Map.of("PARTYMAP_PUBLIC_URL", PUBLIC, "PARTYMAP_RATE_LIMIT", "0"));
        loopback = TestServer.start(db, Map.of("PARTYMAP_PUBLIC_URL", "http://127.0.0.1:7070", "PARTYMAP_RATE_LIMIT", "0"));
        dir = Files.createTempDirectory("partymap-card-pdf");
    }

    @AfterAll
    static void stop() {
        loopback.close();
        server.close();
        db.close();
        TestDatabase.deleteTree(dir);
    }

    private static HttpResponse<byte[]> fetch(TestServer s, String path, TestServer.Session as, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(s.uri(path)).GET();
        if (as != null) {
            request.header("Cookie", as.cookie());
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] pdf(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(r.body(), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "a PDF");
        return r.body();
    }

    private static String text(PDDocument doc, int page) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** The text within one card's place on an A4 page (top-down coordinates, points). */
    private static String cardArea(PDDocument doc, int pageIndex, int column, int row) throws IOException {
        var area = new PDFTextStripperByArea();
        area.addRegion("card", new Rectangle2D.Float(CardPdf.SHEET_MARGIN_X + column * CardPdf.WIDTH,
                CardPdf.SHEET_MARGIN_Y + row * CardPdf.HEIGHT, CardPdf.WIDTH, CardPdf.HEIGHT));
        area.extractRegions(doc.getPage(pageIndex));
        return squeeze(area.getTextForRegion("card"));
    }

    private static Set<String> qrCodes(PDDocument doc, int pageIndex) throws IOException {
        BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(pageIndex, 300, ImageType.GRAY);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            Result[] found = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap,
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE)));
            return Arrays.stream(found).map(Result::getText).collect(Collectors.toCollection(TreeSet::new));
        } catch (NotFoundException e) {
            return Set.of();
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void aCommunitysCardsAreImposedOnA4WithRealTextAndEveryQrCodeOpensItsGrid() throws Exception {
        byte[] bytes = pdf(fetch(server, "/api/communities/" + lianhua + "/cards.pdf", server.login("planner")));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertEquals(2, doc.getNumberOfPages(), "two cards: one sheet, fronts and backs");
            assertEquals(595, Math.round(doc.getPage(0).getMediaBox().getWidth()));
            assertEquals(842, Math.round(doc.getPage(0).getMediaBox().getHeight()));
            String fronts = text(doc, 1);
            for (String s : List.of("第一网格", "第二网格", "王丽", "陈明", "李强", "0515-00000001", "莲花路社区", Fixtures.GRID_1)) {
                assertTrue(fronts.contains(s), s + " in " + fronts);
            }
            String backs = text(doc, 2);
            assertTrue(backs.contains("莲花路社区党群服务中心") && backs.contains("报警 110") && backs.contains("市民热线 12345"), backs);
            assertEquals(Set.of(PUBLIC + "/?grid=" + grid1, PUBLIC + "/?grid=" + grid2), qrCodes(doc, 0));

            // the first card's front is top left; its back is top right, behind it when printed duplex
            assertTrue(cardArea(doc, 0, 0, 0).contains("王丽"), cardArea(doc, 0, 0, 0));
            assertTrue(cardArea(doc, 0, 1, 0).contains("陈明"), cardArea(doc, 0, 1, 0));
            String back1 = backOf(grid1);
            String back2 = backOf(grid2);
            assertNotEquals(back1, back2, "the fixture's two grids have different backs, so the mirroring shows");
            assertEquals(back1, cardArea(doc, 1, 1, 0));
            assertEquals(back2, cardArea(doc, 1, 0, 0));
        }

        Path file = dir.resolve("lianhua.pdf");
        Files.write(file, bytes);
        String poppler = run("pdftotext", "-layout", file.toString(), "-");
        for (String s : List.of("第一网格", "第二网格", "王丽", "陈明", "莲花路社区党群服务中心", "急救 120")) {
            assertTrue(poppler.contains(s), s + " in pdftotext's " + poppler);
        }
        run("pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", file.toString(), dir.resolve("page").toString());
        Path png = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("page") && p.toString().endsWith(".png"))
                .findFirst().orElseThrow();
        BufferedImage page = ImageIO.read(png.toFile());
        assertNotNull(page);
        long dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) < 300) {
                    dark++;
                }
            }
        }
        assertTrue(dark > page.getWidth() * page.getHeight() / 100, "pdftoppm drew the cards: " + dark + " dark pixels");
    }

    /** The back of a grid's single card, as text without white space. */
    private static String backOf(int grid) throws Exception {
        try (PDDocument one = Loader.loadPDF(pdf(fetch(server, "/api/grids/" + grid + "/card.pdf", null)))) {
            return squeeze(text(one, 2));
        }
    }

    @Test
    void oneCardIsTwoPagesOfBusinessCardSizeWithAStrongEtag() throws Exception {
        var r = fetch(server, "/api/grids/" + grid1 + "/card.pdf", null);
        try (PDDocument doc = Loader.loadPDF(pdf(r))) {
            assertEquals(2, doc.getNumberOfPages());
            assertEquals(90.0, doc.getPage(0).getMediaBox().getWidth() / CardPdf.MM, 0.01);
            assertEquals(54.0, doc.getPage(0).getMediaBox().getHeight() / CardPdf.MM, 0.01);
            assertTrue(text(doc, 1).contains("王丽"), text(doc, 1));
            assertEquals(Set.of(PUBLIC + "/?grid=" + grid1), qrCodes(doc, 0));
        }
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "strong: " + etag);
        assertEquals(304, fetch(server, "/api/grids/" + grid1 + "/card.pdf", null, "If-None-Match", etag).statusCode());
    }

    @Test
    void theJsonCardCarriesThePostTheCentreTheNumbersAndTheQrCodeWithAnEtag() throws Exception {
        var r = server.get("/api/grids/" + grid1 + "/card");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode card = TestServer.json(r);
        assertEquals("第一网格", card.at("/grid/name").asText());
        assertEquals("莲花路社区", card.at("/community/name").asText());
        assertEquals("王丽", card.at("/leader/name").asText());
        assertEquals("李强", card.at("/contacts/0/name").asText());
        assertEquals(4, card.get("emergency").size());
        assertEquals(PUBLIC + "/?grid=" + grid1, card.at("/qr/url").asText());
        assertTrue(card.at("/qr/svg").asText().startsWith("<svg"), card.at("/qr/svg").asText());
        assertTrue(card.get("qr_refused").isNull());
        String centre = Sql.one(db.dataSource(), "SELECT name FROM station WHERE kind = 'service_centre' AND community_id = ?",
                rs -> rs.getString(1), lianhua).orElseThrow();
        String post = Sql.one(db.dataSource(), "SELECT st.name FROM grid g JOIN station st ON st.id = g.station_id WHERE g.id = ?",
                rs -> rs.getString(1), grid1).orElse(null);
        assertEquals(post, card.at("/post/name").isMissingNode() || card.get("post").isNull() ? null : card.at("/post/name").asText());
        assertTrue(centre.equals(post) ? card.get("centre").isNull() : centre.equals(card.at("/centre/name").asText()), card.toString());

        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, fetch(server, "/api/grids/" + grid1 + "/card", null, "If-None-Match", etag).statusCode());
        Sql.update(db.dataSource(), "UPDATE grid SET leader_name = '王丽丽' WHERE id = ?", grid1);
        try {
            // the server polls the layers' counters every 2 s
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (TestServer.json(server.get("/api/grids/" + grid1 + "/card")).at("/leader/name").asText().equals("王丽")) {
                assertTrue(System.nanoTime() < deadline, "the card did not follow the grid's change");
                Thread.sleep(100);
            }
            var changed = fetch(server, "/api/grids/" + grid1 + "/card", null, "If-None-Match", etag);
            assertEquals(200, changed.statusCode(), "a change of the grid gives a new card and a new tag");
        } finally {
            Sql.update(db.dataSource(), "UPDATE grid SET leader_name = '王丽' WHERE id = ?", grid1);
        }
    }

    @Test
    void noPdfIsPrintedWhoseQrCodeWouldOpenALoopbackAddressButTheScreenCardSaysWhy() throws Exception {
        var one = fetch(loopback, "/api/grids/" + grid1 + "/card.pdf", null);
        assertEquals(409, one.statusCode());
        String problem = new String(one.body(), StandardCharsets.UTF_8);
        assertTrue(problem.contains("PARTYMAP_PUBLIC_URL") && problem.contains("loopback") && problem.contains("card-link-unusable"), problem);
        assertEquals(409, fetch(loopback, "/api/communities/" + lianhua + "/cards.pdf", loopback.login("admin")).statusCode());
        assertEquals(409, fetch(loopback, "/api/subdistricts/" + subdistrict + "/cards.pdf", loopback.login("admin")).statusCode());
        JsonNode card = TestServer.json(loopback.get("/api/grids/" + grid1 + "/card"));
        assertTrue(card.get("qr").isNull() && card.get("map_url").isNull(), card.toString());
        assertTrue(card.get("qr_refused").asText().contains("PARTYMAP_PUBLIC_URL"), card.toString());
    }

    @Test
    void onlyTheCommunitysStaffItsPlannersAndAdminsPrintItsCardsAndOnlyPlannersAndAdminsASubdistricts() throws Exception {
        String community = "/api/communities/" + lianhua + "/cards.pdf";
        String whole = "/api/subdistricts/" + subdistrict + "/cards.pdf";
        assertEquals(401, fetch(server, community, null).statusCode());
        assertEquals(403, fetch(server, community, server.login("worker1")).statusCode(), "a worker of one grid is not the community's staff");
        assertEquals(403, fetch(server, community, server.login("planner-out")).statusCode());
        pdf(fetch(server, community, server.login("staff")));
        pdf(fetch(server, community, server.login("admin")));
        assertEquals(401, fetch(server, whole, null).statusCode());
        assertEquals(403, fetch(server, whole, server.login("staff")).statusCode());
        assertEquals(403, fetch(server, whole, server.login("planner-out")).statusCode());
        try (PDDocument doc = Loader.loadPDF(pdf(fetch(server, whole, server.login("planner"))))) {
            assertEquals(2, doc.getNumberOfPages(), "four cards: one sheet");
            String fronts = text(doc, 1);
            assertTrue(fronts.contains("张华") && fronts.contains("刘芳") && !fronts.contains("邻近社区"), fronts);
            assertEquals(4, qrCodes(doc, 0).size());
        }
    }

    @Test
    void badIdsAreRefusedWithAReason() throws Exception {
        var admin = server.login("admin");
        assertEquals(400, fetch(server, "/api/grids/abc/card.pdf", null).statusCode());
        assertEquals(400, fetch(server, "/api/grids/0/card", null).statusCode());
        assertEquals(404, fetch(server, "/api/grids/999999/card.pdf", null).statusCode());
        assertEquals(404, fetch(server, "/api/grids/999999/card", null).statusCode());
        assertEquals(404, fetch(server, "/api/communities/999999/cards.pdf", admin).statusCode());
        assertEquals(400, fetch(server, "/api/communities/-1/cards.pdf", admin).statusCode());
        assertEquals(404, fetch(server, "/api/subdistricts/999999/cards.pdf", admin).statusCode());
    }
}
