package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geocode.GeocodeFixtures;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * residents.html in headless Chromium: a grid worker logs in, uploads a register, watches it finish,
 * reads the summary and the review queue, locates a queued resident on the map (and is refused a
 * point in another worker's grid), and pages through a long queue, also on a phone. In this order:
 * each test starts from the queue the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResidentsPageIT {

    /** 莲花路社区第二网格, north of the first. */
    private static final String GRID_2 = "320902001001002";
    /** Inside 莲花路社区第一网格 (the worker's grid, 120.14–120.15 × 33.38–33.39). */
    private static final double[] IN_MY_GRID = {120.1452, 33.3851};
    /** Inside 健康路社区第一网格, next to it on the east: another worker's grid. */
    private static final double[] IN_OTHER_GRID = {120.1525, 33.385};

    private static Database db;
    private static TestServer server;
    private static Browser browser;
    private static Path files;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        GeocodeFixtures.loadEstate(db);
        TestAccounts.create(db, "worker", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "worker2", Role.GRID_WORKER, Fixtures.GRID_1, GRID_2);
        server = TestServer.start(db);
        browser = Browser.desktop();
        files = TestDatabase.newHome("partymap-residents-page");
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
        db.close();
        TestDatabase.deleteTree(files);
    }

    private static void upload(String name, String text) throws Exception {
        Path file = files.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        browser.waitFor("#register-form [name=file]").sendKeys(file.toString());
        browser.click("#register-form button[type=submit]");
    }

    private static void logIn(Browser b) {
        logIn(b, "worker");
    }

    private static void logIn(Browser b, String username) {
        b.open(server.uri("/login.html?next=/residents.html"));
        b.waitFor("#login [name=username]").sendKeys(username);
        b.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
        b.click("#login button[type=submit]");
        b.waitFor("#register-form");
    }

    private static String reviewStatus(String name) {
        return Sql.one(db.dataSource(), "SELECT review_status FROM resident WHERE name = ?", rs -> rs.getString(1), name).orElseThrow();
    }

    /** Opens the locating map for the queue's row of {@code name} and waits until it shows the worker's grid. */
    private static void openMapFor(Browser b, String name) {
        b.until("the row of " + name, () -> b.js("for (const tr of document.querySelectorAll('#review-rows tr'))"
                + " if (tr.cells[0].textContent === arguments[0]) { tr.querySelector('.locate-open').click(); return true; }"
                + " return false;", name));
        b.waitFor("#locate-map");
        b.until("the worker's grid on the map", () -> b.count("#locate-map path.rv-grid") > 0 ? true : null);
    }

    /** Clicks the locating map at a WGS-84 place: the offset from the map's centre in Web-Mercator pixels at its zoom. */
    private static void tapMapAt(Browser b, double[] place) {
        WebElement map = b.waitFor("#locate-map");
        String[] centre = map.getAttribute("data-centre").split(",");
        double scale = 256 * Math.pow(2, Double.parseDouble(map.getAttribute("data-zoom")));
        double dx = (place[0] - Double.parseDouble(centre[0])) / 360 * scale;
        double dy = (mercatorY(Double.parseDouble(centre[1])) - mercatorY(place[1])) / (2 * Math.PI) * scale;
        b.clickAt(map, (int) Math.round(dx), (int) Math.round(dy));
        b.until("the point placed", () -> b.waitForText("#locate-point").startsWith("已选位置") ? true : null);
    }

    private static double mercatorY(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }

    @Test
    @Order(1)
    void aGridWorkerUploadsARegisterSeesTheSummaryAndTheRowsToReview() throws Exception {
        logIn(browser);

        upload("网页导入.csv", "姓名,联系电话,居住地址\n页面甲,10012345678,万方花园2幢1单元\n页面乙,10012345679,不详\n页面丙,,健康路15号\n");
        browser.until("the import to finish", () -> browser.waitForText("#register-phase").startsWith("完成") ? true : null);
        String summary = browser.waitForText("#register-summary");
        assertTrue(summary.contains("门牌地址：1") && summary.contains("未匹配：1 行（第 3 行）")
                && summary.contains("不在您的网格（未导入）：1 行（第 4 行）"), summary);
        browser.until("the review queue to list 页面乙", () -> browser.count("#review-rows tr") == 1 ? true : null);
        String row = browser.waitForText("#review-rows tr");
        assertTrue(row.contains("页面乙") && row.contains("100****5679") && !row.contains("10012345679"), row);
        assertEquals(2, Sql.one(db.dataSource(), "SELECT count(*) FROM resident WHERE name LIKE '页面%'", rs -> rs.getInt(1)).orElseThrow());

        upload("坏文件.csv", "姓名,电话\n张三,100\n");
        String refusal = browser.until("the refusal", () -> {
            String s = browser.waitForText("#register-phase");
            return s.startsWith("文件未导入") ? browser.waitForText("#register-summary") : null;
        });
        assertTrue(refusal.contains("line 1: the header has no address column"), refusal);
        assertEquals(java.util.List.of(), browser.cspViolations());
    }

    @Test
    @Order(2)
    void aGridWorkerLocatesAQueuedResidentOnTheMapAfterAPointInAnotherWorkersGridIsRefused() {
        browser.open(server.uri("/residents.html"));
        openMapFor(browser, "页面乙");
        assertEquals("不详", browser.waitForText("#locate-address"));

        tapMapAt(browser, IN_OTHER_GRID);
        browser.click("#locate-confirm");
        String problem = browser.waitForText("#locate-problem");
        assertTrue(problem.startsWith("该位置不在您负责的网格内") && problem.contains("320902001002001"), problem);
        assertEquals("review", reviewStatus("页面乙"));
        browser.click("#locate-cancel");
        browser.until("the map closed", () -> browser.count("#locate:not([hidden])") == 0 ? true : null);
        assertEquals(1, browser.count("#review-rows tr"));

        openMapFor(browser, "页面乙");
        assertEquals("", browser.js("return document.getElementById('locate-problem').textContent"));
        tapMapAt(browser, IN_OTHER_GRID);
        tapMapAt(browser, IN_MY_GRID);
        assertEquals(1, browser.count("#locate-map path.rv-pin"), "a second tap moves the point");
        browser.click("#locate-confirm");
        String note = browser.until("the point set", () -> {
            String s = browser.waitForText("#review-note");
            return s.startsWith("已将") ? s : null;
        });
        assertTrue(note.contains("页面乙") && note.contains("第一网格（320902001001001）"), note);
        assertEquals(0, browser.count("#review-rows tr"));
        assertEquals("没有待核实的居民", browser.waitForText("#review-total"));
        assertTrue(browser.count("#locate:not([hidden])") == 0);

        var row = Sql.one(db.dataSource(), """
                SELECT r.review_status, r.match_level, g.code, ST_X(r.geom), ST_Y(r.geom)
                  FROM resident r JOIN grid g ON g.id = r.grid_id WHERE r.name = '页面乙'""",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)}).orElseThrow();
        assertEquals("fixed", row[0]);
        assertEquals("manual", row[1]);
        assertEquals(Fixtures.GRID_1, row[2]);
        assertEquals(IN_MY_GRID[0], (Double) row[3], 0.0002);
        assertEquals(IN_MY_GRID[1], (Double) row[4], 0.0002);
        assertEquals(java.util.List.of(), browser.cspViolations());
    }

    @Test
    @Order(3)
    void aLongQueueComesFiftyAtATimeAndTheMapFitsAPhone() {
        Sql.update(db.dataSource(), """
                INSERT INTO resident (name, address_text, grid_id, match_level, review_status, imported_by)
                SELECT '翻页' || n, '不详' || n || '号', g.id, 'none', 'review', 'fixtures'
                  FROM grid g, generate_series(1, 55) n WHERE g.code = ?""", Fixtures.GRID_1);
        browser.open(server.uri("/residents.html"));
        browser.until("the first page", () -> browser.count("#review-rows tr") == 50 ? true : null);
        assertEquals("共 55 人待核实，本页第 1–50 人", browser.waitForText("#review-total"));
        browser.click("#review-next");
        browser.until("the second page", () -> browser.count("#review-rows tr") == 5 ? true : null);
        assertEquals("共 55 人待核实，本页第 51–55 人", browser.waitForText("#review-total"));
        assertFalse(browser.waitFor("#review-next").isEnabled());
        browser.click("#review-prev");
        browser.until("the first page again", () -> browser.count("#review-rows tr") == 50 ? true : null);
        assertFalse(browser.waitForPresent("#review-grid-label").isDisplayed(), "one grid: nothing to choose");

        try (Browser phone = Browser.phone()) {
            logIn(phone);
            phone.until("the queue", () -> phone.count("#review-rows tr") == 50 ? true : null);
            assertFalse(phone.scrollsSideways(), "the queue fits the phone's width");
            openMapFor(phone, "翻页1");
            // the map's own panes reach beyond it (Leaflet clips them), so its box is what must fit
            assertEquals(true, phone.js("const r = document.getElementById('locate-map').getBoundingClientRect();"
                    + "return r.left >= 0 && r.right <= innerWidth && r.width > 300;"));
            assertTrue(phone.fitsAcross(phone.waitFor("#locate-confirm")));
            assertFalse(phone.scrollsSideways(), "the map fits the phone's width");
            phone.click("#locate-cancel");
            assertEquals(java.util.List.of(), phone.cspViolations());
        }

        browser.click("#logout");
        logIn(browser, "worker2");
        browser.until("the queue of both grids", () -> browser.count("#review-rows tr") == 50 ? true : null);
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#review-grid")).selectByVisibleText("莲花路社区第二网格（" + GRID_2 + "）");
        assertEquals("没有待核实的居民", browser.until("the second grid's queue", () -> {
            String s = browser.waitForText("#review-total");
            return s.equals("没有待核实的居民") && browser.count("#review-rows tr") == 0 ? s : null;
        }));
        assertEquals(3, browser.count("#review-grid option"));
    }
}
