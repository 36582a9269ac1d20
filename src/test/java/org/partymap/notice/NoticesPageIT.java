package org.partymap.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * notices.html and the map card in headless Chromium on a 360 × 640 phone: 莲花路社区's staff
 * publish from the page, a resident sees the notice on the page, in full and on the map card of
 * a place in the community, and the staff withdraw it again. In this order: each test starts
 * from what the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoticesPageIT {

    private static final String TITLE = "居民议事会通知：12月10日 <3号楼> & 4号楼";
    private static final String BODY = "本周三晚七点在社区活动室召开居民议事会。\n报名请见 https://example.org/yishi";
    /** A place in 莲花路社区第一网格, as the map page takes it. */
    private static final String PLACE = "c=120.147,33.385&z=17";

    private static Database db;
    private static TestServer server;
    private static Browser phone;
    private static int lianhua;
    private static int jiankang;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        lianhua = Fixtures.id(db, "community", "320902001001");
        jiankang = Fixtures.id(db, "community", "320902001002");
        TestAccounts.create(db, "lianhua-staff", Role.GRID_WORKER, "320902001001");
        server = TestServer.start(db);
        phone = Browser.phone();
    }

    @AfterAll
    static void stop() {
        phone.close();
        server.close();
        db.close();
    }

    private static String page(int community) {
        return "/notices.html?community=" + community;
    }

    private static long noticeId() {
        return Sql.one(db.dataSource(), "SELECT id FROM notice WHERE title = ?", rs -> rs.getLong(1), TITLE).orElseThrow();
    }

    @Test
    @Order(1)
    void theCommunitysStaffPublishFromThePage() {
        phone.open(server.uri("/login.html?next=" + page(lianhua)));
        phone.waitFor("#login [name=username]").sendKeys("lianhua-staff");
        phone.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
        phone.click("#login button[type=submit]");
        phone.click("#publish-box summary");
        phone.waitFor("#publish");
        assertEquals("本社区暂无公告", phone.waitForText("#empty"));

        phone.js("document.querySelector('#publish [name=kind]').value = 'announcement'");
        phone.waitFor("#publish [name=title]").sendKeys(TITLE);
        phone.js("document.querySelector('#publish [name=body]').value = arguments[0]", BODY);
        phone.click("#publish button[type=submit]");
        phone.until("the notice in the list", () -> phone.count("#notices .nt-item") == 1 ? true : null);
        assertTrue(phone.waitForText("#publish-status").startsWith("已发布"), phone.waitForText("#publish-status"));
        assertTrue(phone.waitForText("#notices .nt-item-title").endsWith(TITLE));
        assertEquals("公告公示", phone.waitForText("#notices .nt-item .nt-badge"));
        assertEquals(BODY, Sql.one(db.dataSource(), "SELECT body FROM notice WHERE title = ?", rs -> rs.getString(1), TITLE).orElseThrow());
        assertFalse(phone.scrollsSideways(), "fits a 360 px phone");
    }

    @Test
    @Order(2)
    void aResidentSeesItOnThePageAndInFullWithTheFeedLink() {
        phone.driver().manage().deleteAllCookies();
        phone.open(server.uri(page(lianhua)));
        phone.until("the list", () -> phone.count("#notices .nt-item") == 1 ? true : null);
        assertEquals("莲花路社区 · 社区公告", phone.waitForText("#title"));
        assertFalse(phone.waitForPresent("#publish-box").isDisplayed(), "no form for a resident");
        WebElement feed = phone.waitFor("#feed");
        assertEquals("订阅 RSS/Atom", feed.getText());
        assertEquals(server.uri("/api/communities/" + lianhua + "/notices.atom").toString(), feed.getAttribute("href"));

        phone.click("#notices .nt-item a");
        assertEquals(TITLE, phone.waitForText("#notice-title"));
        assertEquals("#n=" + noticeId(), phone.js("return location.hash"));
        assertEquals(BODY, phone.js("return document.getElementById('notice-body').textContent"));
        assertEquals("https://example.org/yishi", phone.waitFor("#notice-body a").getAttribute("href"), "a staff's web address is a link");
        assertEquals(0L, phone.js("return document.querySelectorAll('#notice-body *:not(a)').length"), "the text is text, not markup");
        assertFalse(phone.waitForPresent("#withdraw").isDisplayed(), "no 撤回 for a resident");
        assertFalse(phone.scrollsSideways());

        phone.open(server.uri(page(jiankang)));
        assertEquals("本社区暂无公告", phone.waitForText("#empty"));
    }

    @Test
    @Order(3)
    void aResidentSeesItOnTheMapCardOfAPlaceInTheCommunity() {
        phone.open(server.uri("/?" + PLACE));
        phone.until("the page is ready", () -> "true".equals(phone.js("return document.body.dataset.ready")));
        phone.clickAt(phone.waitFor("#map"), 0, 0);
        // the card renders again as its answers come in: read it in one script once it is complete
        @SuppressWarnings("unchecked")
        var notices = (java.util.List<String>) phone.until("the card's notices", () -> phone.js("""
                const card = document.getElementById('card');
                const links = card.querySelectorAll('.pm-notices .pm-notice-item a');
                if (card.dataset.state !== 'ready' || !card.querySelector('.pm-nearest-list .pm-station-item') || links.length !== 1) return null;
                return [links[0].textContent, links[0].href, card.querySelector('.pm-notices-all').href,
                        card.querySelector('.pm-notices-all').textContent, card.querySelector('.pm-notices h3').textContent];"""));
        assertEquals(java.util.List.of(TITLE, server.uri(page(lianhua) + "#n=" + noticeId()).toString(), server.uri(page(lianhua)).toString(),
                "全部公告", "社区公告"), notices);
        assertFalse(phone.scrollsSideways());

        phone.open(server.uri(page(lianhua) + "#n=" + noticeId()));
        assertEquals(TITLE, phone.waitForText("#notice-title"));
    }

    @Test
    @Order(4)
    void theStaffWithdrawItInTwoStepsAndItIsGone() {
        phone.open(server.uri("/login.html?next=" + page(lianhua)));
        phone.waitFor("#login [name=username]").sendKeys("lianhua-staff");
        phone.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
        phone.click("#login button[type=submit]");
        phone.waitFor("#publish-box");
        phone.click("#notices .nt-item a");
        phone.click("#withdraw");
        assertEquals("确认撤回", phone.waitForText("#withdraw"));
        assertEquals(1, Sql.one(db.dataSource(), "SELECT count(*) FROM notice WHERE withdrawn_at IS NULL", rs -> rs.getInt(1)).orElseThrow(),
                "one tap withdraws nothing");
        phone.click("#withdraw");
        assertEquals("本社区暂无公告", phone.waitForText("#empty"));
        assertEquals(0, Sql.one(db.dataSource(), "SELECT count(*) FROM notice WHERE withdrawn_at IS NULL", rs -> rs.getInt(1)).orElseThrow());
    }
}
