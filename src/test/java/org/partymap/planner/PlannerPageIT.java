package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Browser;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * The planner page in headless Chromium on the planner test community ({@link PlannerDistrict}):
 * one server, one browser, the tests in order on the same community (each leaves it valid).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlannerPageIT {

    private static Database db;
    private static TestServer server;
    private static Browser browser;
    private static int[] grids;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        PlannerDistrict.load(db);
        TestAccounts.create(db, "planner", Role.PLANNER, PlannerDistrict.SUBDISTRICT);
        TestAccounts.create(db, "planner2", Role.PLANNER, PlannerDistrict.SUBDISTRICT);
        grids = new int[] {PlannerDistrict.grid(db, 0), PlannerDistrict.grid(db, 1), PlannerDistrict.grid(db, 2)};
        server = TestServer.start(db);
        browser = Browser.desktop();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
        db.close();
    }

    private static void open() {
        browser.open(server.uri("/planner.html?community=" + PlannerDistrict.community(db)));
        awaitReady();
    }

    /** Waits for the page to have loaded its community. */
    private static void awaitReady() {
        until("the page is ready", () -> "true".equals(browser.js("return document.body.dataset.ready")));
    }

    /** Waits for a condition; a failure says what the page said (its status line and the pending edit). */
    private static void until(String what, java.util.function.Supplier<Boolean> condition) {
        try {
            browser.until(what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nat " + browser.driver().getCurrentUrl() + ", saying: "
                    + browser.js("return document.getElementById('status')?.textContent + ' | '"
                            + " + document.getElementById('pending')?.innerText"), e);
        }
    }

    private static void selectGrid(int grid) {
        browser.click("#grid-rows tr[data-grid-id='" + grid + "']");
        browser.until("grid " + grid + " is selected", () -> browser.count("path.pl-selected[data-grid-id='" + grid + "']") == 1);
    }

    private static void tool(String name) {
        browser.click("#tools button[data-tool='" + name + "']");
        browser.until("the tool " + name + " is on", () -> name.equals(browser.js("return document.body.dataset.tool")));
    }

    private static void awaitPending(String state) {
        until("the pending edit is " + state, () -> state.equals(browser.js(
                "const p = document.getElementById('pending'); return p.hidden ? null : p.dataset.state")));
    }

    private static String count(String key) {
        return browser.waitForText("#pending [data-count='" + key + "']");
    }

    private static void saveWithReason(String reason) {
        browser.waitFor("#pending textarea[name=reason]").sendKeys(reason);
        browser.click("#pending .pl-save button[type=submit]");
    }

    @Test
    @Order(1)
    void aPlannerLogsInAndSeesTheGridsWithTheirCountsColouredByWorkload() {
        browser.open(server.uri("/planner.html"));
        browser.until("sent to the login page", () -> browser.driver().getCurrentUrl().contains("/login.html?next="));
        browser.waitFor("#login [name=username]").sendKeys("planner");
        browser.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
        browser.click("#login button");
        awaitReady();

        assertEquals(3, browser.count("#grid-rows tr"));
        assertEquals(3, browser.count("path.pl-grid[data-grid-id]"));
        // 第一网格 holds blocks (0, 0) and (0, 1): addresses 1–8 with 11–18 households each, 3 residents each
        String first = browser.waitForText("#grid-rows tr[data-grid-id='" + grids[0] + "']");
        assertTrue(first.matches("第一网格\\s+116\\s+24\\s+2\\s+1\\s+1"), first);
        assertEquals("under", browser.waitFor("path[data-grid-id='" + grids[0] + "']").getAttribute("data-status"),
                "116 households is under the 300–500 target");
        assertTrue(browser.waitFor("#exports a").getAttribute("href").contains("/api/planner/export?community="));
    }

    @Test
    @Order(2)
    void draggingAVertexSharedByTwoGridsMovesBothInOneSave() {
        open();
        selectGrid(grids[2]);
        tool("vertices");
        String key = String.format(Locale.ROOT, "%.7f,%.7f", PlannerDistrict.X[2], PlannerDistrict.Y[1]);
        WebElement handle = browser.waitFor(".pl-vertex[data-vertex='" + key + "']");
        assertTrue(handle.getAttribute("class").contains("pl-shared"), "the vertex is shared by 第二网格 and 第三网格");
        new Actions(browser.driver()).clickAndHold(handle).moveByOffset(10, 0).moveByOffset(20, 0).moveByOffset(20, 0).release().perform();

        awaitPending("ready");
        assertEquals(2, browser.count("#pending .pl-impact-grid"), "both grids change");
        assertEquals(1, browser.count("#pending .pl-impact-grid[data-grid='" + grids[1] + "']"));
        assertEquals(1, browser.count("#pending .pl-impact-grid[data-grid='" + grids[2] + "']"));
        saveWithReason("东侧边界沿中心巷东移");
        browser.until("saved", () -> browser.waitForText("#status").startsWith("已保存"));

        assertEquals(2, PlannerDistrict.version(db, grids[1]));
        assertEquals(2, PlannerDistrict.version(db, grids[2]));
        assertEquals(1, PlannerDistrict.version(db, grids[0]));
        assertEquals(1L, PlannerDistrict.count(db.dataSource(), "SELECT count(DISTINCT change_id) FROM grid_version WHERE change_id IS NOT NULL"),
                "one save");
        PlannerDistrict.assertNothingLost(db);
    }

    @Test
    @Order(3)
    void movingAStreetBlockShowsThePreviewCountsAndTheSavedChangeInTheHistory() {
        open();
        selectGrid(grids[0]);
        tool("blocks");
        browser.until("the blocks are drawn", () -> browser.count("path[data-block-grid='" + grids[1] + "']") == 2);
        // of 第二网格's two blocks, the northern one: (1, 1)
        WebElement north = (WebElement) browser.js("return [...document.querySelectorAll(arguments[0])]"
                + ".sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]", "path[data-block-grid='" + grids[1] + "']");
        browser.clickAt(north, 0, 0);

        awaitPending("ready");
        assertEquals("4", count("addresses"));
        assertEquals("98", count("households"), "addresses 13–16 with 23–26 households");
        assertEquals("12", count("residents"));
        assertEquals("1", count("buildings"));
        assertEquals("户数 116 → 214", browser.waitForText("#pending .pl-impact-grid[data-grid='" + grids[0] + "'] [data-total=households]"),
                "the new total of 第一网格");
        saveWithReason("新建小区并入第一网格");
        browser.until("saved", () -> browser.waitForText("#status").startsWith("已保存"));
        assertEquals(12L + 24, PlannerDistrict.count(db.dataSource(), "SELECT count(*) FROM resident WHERE grid_id = " + grids[0]));
        PlannerDistrict.assertNothingLost(db);

        tool("history");
        assertEquals("新建小区并入第一网格", browser.waitForText("#tool-panel .pl-version[data-version='2'] .pl-reason"));
        assertTrue(browser.waitForText("#tool-panel .pl-version[data-version='2']").contains("移动街区"));
        browser.click("#tool-panel .pl-version[data-version='1'] button");
        browser.until("version 1 is drawn against the current shape", () -> browser.count("path.pl-compare-version") == 1
                && browser.count("path.pl-compare-added") == 1);
    }

    @Test
    @Order(4)
    void savingAfterSomeoneElseSavedTheSameGridShowsMineAgainstTheirs() {
        open();
        selectGrid(grids[2]);
        tool("attributes");
        WebElement leader = browser.waitFor("#tool-panel [name=leader_name]");
        leader.clear();
        leader.sendKeys("李明");
        browser.click("#tool-panel .pl-attributes button[type=submit]");
        awaitPending("ready");

        String branch = Sql.text(db.dataSource(), "SELECT branch_name FROM grid WHERE id = ?", grids[2]).orElseThrow();
        var other = server.login("planner2");
        var saved = server.call("POST", "/api/planner/edits").as(other).header("If-Match", PlannerDistrict.ifMatch(db))
                .json(Map.of("kind", "attributes", "grid", grids[2], "reason", "网格长调整", "attributes",
                        Map.of("name", "第三网格", "branch_name", branch, "leader_name", "王强", "duties", List.of("信息收集上报"))))
                .send();
        assertEquals(200, saved.statusCode(), saved.body());

        saveWithReason("更换网格长");
        awaitPending("conflict");
        String text = browser.waitForText("#pending .pl-conflict");
        assertTrue(text.contains("planner2") && text.contains("网格长调整"), text);
        assertTrue(browser.count("path.pl-theirs") >= 1 && browser.count("path.pl-mine") >= 1, "mine against theirs on the map");
        assertEquals("王强", Sql.text(db.dataSource(), "SELECT leader_name FROM grid WHERE id = ?", grids[2]).orElseThrow(),
                "their save stands");

        browser.driver().findElement(By.xpath("//*[@id='pending']//button[text()='载入最新版本']")).click();
        browser.until("the newest versions are loaded", () -> (Boolean) browser.js("return document.getElementById('pending').hidden"));
        assertEquals(List.of(), browser.cspViolations(), "the page keeps to the CSP");
    }
}
