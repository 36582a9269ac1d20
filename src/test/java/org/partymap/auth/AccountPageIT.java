package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/** 我的登录 in headless Chromium: the staff header links to it; a session elsewhere is listed and ended. */
class AccountPageIT {

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        server = TestServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void aWorkerFindsTheirSessionsFromTheHeaderAndEndsTheOneElsewhere() {
        TestAccounts.create(db, "page-worker", Role.GRID_WORKER, Fixtures.GRID_1);
        Session elsewhere = server.login("page-worker");
        try (Browser b = Browser.desktop()) {
            b.open(server.uri("/login.html?next=" + "/residents.html"));
            b.waitFor("#login [name=username]").sendKeys("page-worker");
            b.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
            b.click("#login button[type=submit]");
            b.click("#who a[href='/account.html']");
            b.waitFor("#session-rows tr.current");
            assertEquals(2, b.count("#session-rows tr"));
            assertTrue(b.waitForText("#session-rows tr.current td").contains("Chrome"), "the browser is named, not shown as a raw User-Agent");

            b.click("#session-rows tr:not(.current) button.end");
            b.until("the other session gone from the list", () -> b.count("#session-rows tr") == 1);
            assertEquals(401, server.call("GET", "/api/me").as(elsewhere).send().statusCode());
            assertTrue(b.waitForText("#status").contains("已结束"));
            assertTrue(b.driver().findElement(org.openqa.selenium.By.id("end-others")).getAttribute("disabled") != null,
                    "with one session left there is nothing else to end");
        }
    }

    @Test
    void anAdminSeesAUsersSessionsOnTheAdminPageAndEndsThem() {
        TestAccounts.create(db, "page-admin", Role.ADMIN);
        TestAccounts.create(db, "page-watched", Role.PLANNER, Fixtures.SUBDISTRICT);
        Session watched = server.login("page-watched");
        try (Browser b = Browser.desktop()) {
            b.open(server.uri("/login.html?next=" + "/admin.html"));
            b.waitFor("#login [name=username]").sendKeys("page-admin");
            b.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
            b.click("#login button[type=submit]");
            b.click("#user-rows tr[data-user='page-watched'] button.sessions");
            assertTrue(b.waitForText("#user-sessions h3").contains("1 处"));
            b.click("#end-user-sessions");
            b.until("the list to say there is none", () -> b.waitForText("#user-sessions h3").contains("0 处"));
            assertEquals(401, server.call("GET", "/api/me").as(watched).send().statusCode());
        }
    }
}
