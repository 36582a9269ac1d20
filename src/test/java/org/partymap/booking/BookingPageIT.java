package org.partymap.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.MutableClock;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * booking.html in headless Chromium on a 360 × 640 phone: a resident books a slot at the
 * 网格驿站, keeps the private link, opens it and cancels; refusals and empty states in words.
 */
class BookingPageIT {

    private static Database db;
    private static TestServer server;
    private static Browser browser;
    private static final MutableClock clock = MutableClock.at("2026-12-07T09:00");
    private static int gridStation;
    private static int activityRoom;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        gridStation = stationOf("grid_station");
        activityRoom = stationOf("activity_room");
        server = TestServer.start(db, Map.of(), clock);
        browser = Browser.phone();
    }

    private static int stationOf(String kind) {
        return Sql.one(db.dataSource(), "SELECT id FROM station WHERE kind = ? ORDER BY id LIMIT 1", rs -> rs.getInt(1), kind).orElseThrow();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
        db.close();
    }

    private static String statusOf(String id) {
        return Sql.one(db.dataSource(), "SELECT status FROM booking WHERE token_hash = ?", rs -> rs.getString(1),
                org.partymap.auth.LinkToken.hash(id)).orElse("none");
    }

    @Test
    void aResidentBooksASlotOnAPhoneKeepsTheLinkOpensItAndCancels() {
        browser.open(server.uri("/booking.html?station=" + gridStation));
        assertEquals("万方花园网格驿站", browser.waitForText("#post-name"));
        WebElement first = browser.waitFor("#days button.slot");
        // 09:00 has started at the clock's 09:00: the first slot is 09:30, with both seats left
        assertTrue(first.getText().startsWith("09:30"), first.getText());
        assertTrue(first.getText().contains("余 2"), first.getText());
        assertFalse(browser.scrollsSideways(), "the slot list fits a 360 px phone");
        first.click();
        assertTrue(browser.waitForText("#chosen").contains("09:30–10:00"));
        browser.waitFor("#book [name=purpose]").sendKeys("开具居住证明");
        browser.click("#book button[type=submit]");
        assertTrue(browser.waitForText("#status").contains("请填写联系电话"), "the phone is asked for before anything is sent");
        browser.waitFor("#book [name=phone]").sendKeys("12345");
        browser.click("#book button[type=submit]");
        browser.until("the phone refused in words", () -> browser.waitForText("#status").contains("手机号"));
        assertEquals(0L, Sql.one(db.dataSource(), "SELECT count(*) FROM booking", rs -> rs.getLong(1)).orElseThrow());

        WebElement phone = browser.waitFor("#book [name=phone]");
        phone.clear();
        phone.sendKeys("139 1234 5678");
        browser.waitFor("#book [name=name]").sendKeys("王阿姨");
        browser.click("#book button[type=submit]");
        String link = browser.waitForText("#private-link");
        assertTrue(browser.waitForText("#done").contains("请保存此链接"));
        assertTrue(link.startsWith(server.uri("/booking.html#t=").toString()), link);
        assertTrue(browser.fitsAcross(browser.waitFor("#private-link")), "the link wraps on a phone");
        assertFalse(browser.scrollsSideways());
        String token = link.substring(link.indexOf("#t=") + 3);
        assertEquals("booked", statusOf(token));

        browser.open(java.net.URI.create(link));
        assertEquals("已预约", browser.waitForText("#mine-status"));
        String facts = browser.waitForText("#mine-facts");
        assertTrue(facts.contains("12月7日 周一 09:30–10:00"), facts);
        assertTrue(facts.contains("万方花园网格驿站") && facts.contains("开具居住证明") && facts.contains("139****5678"), facts);
        assertFalse(facts.contains("13912345678"));
        browser.click("#cancel");
        browser.click("#confirm-cancel");
        browser.until("the booking shows cancelled", () -> "已取消".equals(browser.waitForText("#mine-status")));
        assertEquals("cancelled", statusOf(token));
        assertTrue(browser.all("#cancel").stream().noneMatch(WebElement::isDisplayed), "nothing left to cancel");

        browser.open(server.uri("/booking.html?station=" + gridStation));
        assertTrue(browser.waitFor("#days button.slot").getText().contains("余 2"), "the cancelled seat is free again");
        assertEquals(List.of(), browser.cspViolations());
    }

    @Test
    void theMapCardOfABookablePostLinksToItsSlotsAndARoomsCardDoesNot() {
        browser.open(server.uri("/?station=" + activityRoom));
        browser.until("the room's card", () -> browser.waitForText(".pm-station-name").contains("活动室"));
        assertEquals(0, browser.count(".pm-book"));
        browser.open(server.uri("/?station=" + gridStation));
        WebElement link = browser.waitFor(".pm-book");
        assertEquals("预约办事", link.getText());
        assertTrue(link.getAttribute("href").endsWith("/booking.html?station=" + gridStation), link.getAttribute("href"));
        link.click();
        assertEquals("万方花园网格驿站", browser.waitForText("#post-name"));
        assertEquals(7, browser.count("#days details.day"), "seven days of a post open every day");
        assertEquals(1, browser.count("#days details.day[open]"), "only the first is open");
    }

    @Test
    void refusalsAndEmptyStatesAreShownInWords() {
        browser.open(server.uri("/booking.html?station=" + activityRoom));
        browser.until("a room that takes no bookings says so", () -> browser.waitForText("#status").contains("不接受网上预约"));
        browser.open(server.uri("/booking.html?station=999999"));
        browser.until("an unknown post says so", () -> browser.waitForText("#status").contains("没有找到这个站点"));
        browser.open(server.uri("/booking.html#t=AAAAAAAAAAAAAAAAAAAAAA"));
        browser.until("an unknown link says so", () -> browser.waitForText("#status").contains("没有找到这个预约"));
        browser.open(server.uri("/booking.html"));
        browser.until("no post, no link: where to start", () -> browser.waitForText("#status").contains("预约办事"));

        Sql.update(db.dataSource(), "UPDATE station SET hours = '周日 9:00-9:30' WHERE id = ?", gridStation);
        try {
            // Monday 09:00 and seven days from it: the only slot, Sunday 09:00, is on day seven
            clock.set(MutableClock.at("2026-12-07T09:00").instant());
            browser.open(server.uri("/booking.html?station=" + gridStation));
            assertEquals(1, browser.until("Sunday's one slot", () -> browser.count("#days button.slot") == 1 ? 1 : null));
            Sql.update(db.dataSource(), "UPDATE station SET hours = '周六 9:00-9:20' WHERE id = ?", gridStation);
            browser.open(server.uri("/booking.html?station=" + gridStation));
            assertTrue(browser.waitForText("#days .empty").contains("没有可预约的时段"));
        } finally {
            Sql.update(db.dataSource(), "UPDATE station SET hours = '周一至周日 9:00-20:00' WHERE id = ?", gridStation);
        }
    }
}
