package org.partymap.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Browser;
import org.partymap.testing.Invariants;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * The 走访 page in headless Chromium on a 360 × 640 phone: grid 1's worker sees the care
 * households overdue first on a list and a map, records visits while the phone is offline (they
 * wait in the page's queue, the database holds none) and, once online, each is stored exactly
 * once, also across a reload while queued and a resend whose first answer was lost.
 */
class CarePageIT {

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.seedResidents(db);
        // the seeded residents have no point; put grid 1's near 莲花路 so that the map has them
        Sql.update(db.dataSource(), """
                UPDATE resident r SET geom = ST_SetSRID(ST_MakePoint(120.145 + r.id * 0.0003, 33.385), 4326)
                  FROM grid g WHERE g.id = r.grid_id AND g.code = ?""", Fixtures.GRID_1);
        TestAccounts.create(db, "care-worker", Role.GRID_WORKER, Fixtures.GRID_1);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @BeforeEach
    void noVisits() {
        Sql.update(db.dataSource(), "DELETE FROM care_visit");
    }

    @AfterEach
    void everyVisitSitsInItsResidentsHouseholdUnderItsOwnKey() {
        assertEquals(List.of(), Invariants.visitsSitInTheirHouseholds(db.dataSource()));
    }

    private static long visits() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM care_visit", rs -> rs.getLong(1)).orElseThrow();
    }

    private static Browser loggedIn() {
        Browser phone = Browser.phone();
        phone.open(server.uri("/login.html?next=/care.html"));
        phone.waitFor("#login [name=username]").sendKeys("care-worker");
        phone.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
        phone.click("#login button[type=submit]");
        phone.until("the households", () -> phone.count("#household-list li") == 5);
        return phone;
    }

    private static void offline(Browser phone, boolean off) {
        var conditions = new ChromiumNetworkConditions();
        conditions.setOffline(off);
        phone.driver().setNetworkConditions(conditions);
    }

    private static void record(Browser phone, String address, String kind, String note) {
        phone.until("the household " + address, () -> (Boolean) phone.js("""
                const li = [...document.querySelectorAll('#household-list li')].find((e) => e.innerText.includes(arguments[0]));
                if (li) li.click();
                return Boolean(li);""", address));
        phone.until("the form", () -> phone.waitForText("#visit-address").equals(address));
        phone.click("#visit-form input[name=kind][value=" + kind + "]");
        phone.waitFor("#visit-form [name=note]").sendKeys(note);
        phone.click("#visit-form button[type=submit]");
    }

    private static String queueText(Browser phone) {
        return phone.js("return document.getElementById('queue').hidden ? '' : document.getElementById('queue-count').innerText;").toString();
    }

    @Test
    void aVisitRecordedOfflineWaitsInTheQueueAndIsStoredOnceWhenThePhoneIsOnlineAgain() {
        try (Browser phone = loggedIn()) {
            assertTrue(phone.waitForText("#household-list li").contains("从未走访"));
            phone.until("the households on the map", () -> phone.count(".care-marker") == 5);
            assertFalse(phone.scrollsSideways(), "the page fits a 360 px phone");

            offline(phone, true);
            record(phone, "莲花路12号101室", "phone", "电话问候，子女周末回来");
            phone.until("the visit queued", () -> queueText(phone).startsWith("1 条待发送"));
            phone.click("#queue-send"); // a try while offline fails and keeps it
            phone.until("the try to end", () -> queueText(phone).equals("1 条待发送"));
            assertEquals(0, visits(), "nothing reached the server while offline");
            assertTrue(phone.waitForText("#household-list").contains("待发送"));

            offline(phone, false);
            phone.until("the queue to empty", () -> queueText(phone).startsWith("待发送的记录已全部送达"));
            assertEquals(1, visits());
            assertEquals("电话问候，子女周末回来", Sql.text(db.dataSource(), "SELECT note FROM care_visit").orElseThrow());
            assertEquals("phone", Sql.text(db.dataSource(), "SELECT kind FROM care_visit").orElseThrow());
            phone.until("the list to show the visit", () -> phone.waitForText("#household-list").contains("电话"));
            assertEquals(0L, phone.js("return JSON.parse(localStorage.getItem('partymap.care.care-worker.pending') || '[]').length;"));
            assertEquals("", phone.cspViolations().isEmpty() ? "" : phone.cspViolations().toString());
        }
    }

    @Test
    void aQueuedVisitSurvivesAReloadAndAResendAfterALostAnswerStoresNothingMore() throws Exception {
        try (Browser phone = loggedIn()) {
            // the visits route alone fails, as on a connection that drops the send: the page itself still loads
            phone.driver().executeCdpCommand("Network.enable", Map.of());
            phone.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/care/visits")));
            record(phone, "莲花路14号201室", "home", "老人身体尚好，提醒按时服药");
            phone.until("the visit queued", () -> queueText(phone).startsWith("1 条待发送"));
            phone.driver().navigate().refresh();
            phone.until("the households again", () -> phone.count("#household-list li") == 5);
            phone.until("the visit still queued", () -> queueText(phone).startsWith("1 条待发送"));
            assertEquals(0, visits());

            // the first send reached the server, but its answer was lost: the server holds the visit
            String queued = phone.js("return localStorage.getItem('partymap.care.care-worker.pending');").toString();
            JsonNode entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(queued).get(0);
            var session = server.login("care-worker");
            var body = new java.util.LinkedHashMap<String, Object>();
            for (String field : List.of("client_key", "resident", "kind", "visited_on", "note")) {
                body.put(field, entry.get(field).isNumber() ? entry.get(field).asLong() : entry.get(field).asText());
            }
            HttpResponse<String> first = server.call("POST", "/api/care/visits").as(session).json(body).send();
            assertEquals(201, first.statusCode(), first.body());
            assertEquals(1, visits());

            // the page sends it again once it can: answered 200, taken off the queue, stored once
            phone.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            phone.click("#queue-send");
            phone.until("the queue to empty", () -> queueText(phone).startsWith("待发送的记录已全部送达"));
            assertEquals(1, visits());
            assertEquals(entry.get("client_key").asText(), Sql.text(db.dataSource(), "SELECT client_key::text FROM care_visit").orElseThrow());
        }
    }

    @Test
    void aVisitTheServerCanNeverStoreLeavesTheQueueAndIsShownWithItsReason() {
        try (Browser phone = loggedIn()) {
            long resident = Fixtures.residentId(db, "隐私甲二");
            // a visit queued long ago on this phone, now more than 90 days back: no resend can store it
            phone.js("localStorage.setItem('partymap.care.care-worker.pending', JSON.stringify([{client_key: crypto.randomUUID(),"
                    + " resident: arguments[0], kind: 'home', visited_on: '2020-01-06', note: '很久以前的走访', queued_at: '2020-01-06T10:00:00Z'}]));",
                    resident);
            phone.driver().navigate().refresh();
            phone.until("the refusal shown", () -> phone.waitForText("#queue-refused").contains("未能保存：2020-01-06 上门"));
            assertTrue(phone.waitForText("#queue-refused").contains("90 days"), phone.waitForText("#queue-refused"));
            assertEquals(0L, phone.js("return JSON.parse(localStorage.getItem('partymap.care.care-worker.pending') || '[]').length;"));
            assertEquals(0, visits());
            phone.click("#queue-refused button");
            phone.until("the refusal dismissed", () -> phone.count("#queue-refused li") == 0);
            assertEquals(0L, phone.js("return JSON.parse(localStorage.getItem('partymap.care.care-worker.refused') || '[]').length;"));
        }
    }
}
