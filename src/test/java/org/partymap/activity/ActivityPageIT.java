package org.partymap.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.partymap.auth.LinkToken;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.MutableClock;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * activity.html in headless Chromium: a resident on a 360 × 640 phone opens 莲花路社区党员活动室
 * from the map card, sees its next activities, signs up and keeps the private link, opens it and
 * cancels; the organiser, a grid worker logged in on a desktop browser, sees the sign-up.
 */
class ActivityPageIT {

    private static Database db;
    private static TestServer server;
    private static Browser phone;
    private static final MutableClock clock = MutableClock.at("2026-12-07T09:00");
    private static int room;
    private static int community;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        room = Sql.one(db.dataSource(), "SELECT id FROM station WHERE name = '莲花路社区党员活动室'", rs -> rs.getInt(1)).orElseThrow();
        var scope = Sql.one(db.dataSource(), """
                SELECT coalesce(g.code, c.code), c.id FROM station s LEFT JOIN grid g ON g.id = s.grid_id
                  JOIN community c ON c.id = coalesce(g.community_id, s.community_id) WHERE s.id = ?""",
                rs -> new Object[] {rs.getString(1), rs.getInt(2)}, room).orElseThrow();
        community = (Integer) scope[1];
        TestAccounts.create(db, "organiser", Role.GRID_WORKER, (String) scope[0]);
        Sql.update(db.dataSource(), """
                INSERT INTO activity (station_id, title, kind, starts_at, ends_at, capacity, description, rrule)
                VALUES (?, '党员活动日', 'party', '2026-12-12 09:00+08', '2026-12-12 11:00+08', 20, '学习交流，欢迎居民旁听',
                        'FREQ=WEEKLY;BYDAY=SA;COUNT=8')""", room);
        Sql.update(db.dataSource(), """
                INSERT INTO activity (station_id, title, kind, starts_at, ends_at, public)
                VALUES (?, '民情分析会', 'opinion_meeting', '2026-12-10 15:00+08', '2026-12-10 16:00+08', false)""", room);
        Sql.update(db.dataSource(), """
                INSERT INTO service_project (community_id, name, audience, station_id, contact)
                VALUES (?, '四点半课堂', '辖区小学生', ?, '王老师')""", community, room);
        server = TestServer.start(db, Map.of(), clock);
        phone = Browser.phone();
    }

    @AfterAll
    static void stop() {
        phone.close();
        server.close();
        db.close();
    }

    private static String signupOf(String token) {
        return Sql.one(db.dataSource(), "SELECT CASE WHEN cancelled_at IS NULL THEN 'live' ELSE 'cancelled' END FROM activity_signup"
                + " WHERE token_hash = ?", rs -> rs.getString(1), LinkToken.hash(token)).orElse("none");
    }

    @Test
    void aResidentOnAPhoneSignsUpFromTheMapCardAndTheOrganiserSeesIt() {
        phone.open(server.uri("/?station=" + room));
        WebElement line = phone.waitFor(".pm-activity");
        phone.until("the card's next activity", () -> line.getText().contains("党员活动日") ? line : null);
        assertTrue(line.getText().contains("12月12日 09:00"), line.getText());
        assertFalse(line.getText().contains("民情分析会"));
        phone.click(".pm-activity-link");

        assertEquals("莲花路社区党员活动室", phone.waitForText("#place-name"));
        phone.until("four Saturdays in thirty days", () -> phone.count("#days li[data-activity]") == 4 ? 4 : null);
        String days = phone.waitForText("#days");
        assertTrue(days.contains("12月12日 周六") && days.contains("09:00–11:00") && days.contains("剩余 20 / 20"), days);
        assertFalse(days.contains("民情分析会"), "a staff-only meeting is not shown");
        assertFalse(phone.scrollsSideways(), "the calendar fits a 360 px phone");
        phone.click("#days li[data-activity] .signup-button");
        assertTrue(phone.waitForText("#chosen").contains("党员活动日"));
        phone.waitFor("#signup [name=name]").sendKeys("王阿姨");
        phone.waitFor("#signup [name=phone]").sendKeys("12345");
        phone.click("#signup button[type=submit]");
        phone.until("a bad phone refused in words", () -> phone.waitForText("#status").contains("手机号") ? true : null);
        assertEquals(0L, Sql.one(db.dataSource(), "SELECT count(*) FROM activity_signup", rs -> rs.getLong(1)).orElseThrow());
        WebElement number = phone.waitFor("#signup [name=phone]");
        number.clear();
        number.sendKeys("139 1234 5678");
        phone.click("#signup button[type=submit]");
        String link = phone.waitForText("#private-link");
        assertTrue(link.startsWith(server.uri("/activity.html#t=").toString()), link);
        assertTrue(phone.fitsAcross(phone.waitFor("#private-link")), "the link wraps on a phone");
        String token = link.substring(link.indexOf("#t=") + 3);
        assertEquals("live", signupOf(token));

        try (Browser desk = Browser.desktop()) {
            desk.open(server.uri("/login.html?next=" + java.net.URLEncoder.encode("/activity.html?station=" + room,
                    java.nio.charset.StandardCharsets.UTF_8)));
            desk.waitFor("#login [name=username]").sendKeys("organiser");
            desk.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
            desk.click("#login button[type=submit]");
            desk.until("the organiser's sign-up list", () -> desk.count("#signups li.signup") == 1 ? 1 : null);
            String list = desk.waitForText("#signups");
            assertTrue(list.contains("党员活动日") && list.contains("王阿姨 139****5678") && list.contains("1 / 20"), list);
            assertFalse(list.contains("13912345678"));
            assertEquals(List.of(), desk.cspViolations());
        }

        phone.open(java.net.URI.create(link));
        assertEquals("已报名", phone.waitForText("#mine-status"));
        String facts = phone.waitForText("#mine-facts");
        assertTrue(facts.contains("党员活动日") && facts.contains("12月12日 周六 09:00–11:00") && facts.contains("139****5678"), facts);
        phone.click("#cancel");
        phone.click("#confirm-cancel");
        phone.until("the sign-up shows cancelled", () -> "已取消".equals(phone.waitForText("#mine-status")) ? true : null);
        assertEquals("cancelled", signupOf(token));
        assertEquals(List.of(), phone.cspViolations());
    }

    @Test
    void theCommunityCalendarListsItsDaysItsServiceProjectsAndTheFeedToSubscribeTo() {
        phone.open(server.uri("/activity.html?community=" + community));
        phone.until("the community's calendar", () -> phone.count("#days li[data-activity]") >= 4 ? true : null);
        assertTrue(phone.waitForText("#days").contains("莲花路社区党员活动室"));
        assertTrue(phone.waitForText("#project-list").contains("四点半课堂"));
        String ics = phone.waitFor("#ics").getAttribute("href");
        assertTrue(ics.endsWith("/api/communities/" + community + "/activities.ics"), ics);
        assertEquals("订阅日历", phone.waitForText("#ics"));
        assertFalse(phone.scrollsSideways());
        phone.open(server.uri("/activity.html#t=AAAAAAAAAAAAAAAAAAAAAA"));
        phone.until("an unknown link says so", () -> phone.waitForText("#status").contains("没有找到这个报名") ? true : null);
    }
}
