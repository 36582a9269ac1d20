package org.partymap.consult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * 社区通 end to end in two real browsers: a resident on a phone asks from the map card, a grid
 * worker logged in on a desktop sees the question appear without reloading, answers it, and the
 * resident's private link shows the answer.
 */
class ConsultPageIT {

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        TestAccounts.create(db, "p-worker1", Role.GRID_WORKER, Fixtures.GRID_1);
        // every day, all day: the clock runs whenever the test does
        var hours = "UPDATE community SET service_hours = '每日 0:00-24:00'";
        org.partymap.db.Sql.update(db.dataSource(), hours);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void aResidentAsksFromThePhoneAndTheWorkersInboxShowsItLiveAndTheAnswerReachesTheLink() {
        try (Browser worker = Browser.desktop(); Browser phone = Browser.phone()) {
            worker.open(server.uri("/login.html?next=/consult.html"));
            worker.waitFor("#login [name=username]").sendKeys("p-worker1");
            worker.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
            worker.click("#login button[type=submit]");
            worker.until("the live inbox to connect", () -> worker.driver().findElement(By.id("live")).getText().equals("实时"));
            assertTrue(worker.waitForPresent("#inbox-empty").isDisplayed() || worker.count("#inbox-list li") == 0);

            int grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
            phone.open(server.uri("/?grid=" + grid1));
            phone.click(".pm-ask-link");
            phone.until("the form", () -> phone.driver().findElement(By.id("ask")).isDisplayed());
            assertTrue(phone.waitForText("#ask-who").contains("王丽"));
            phone.waitFor("#ask-form [name=text]").sendKeys("小区门口的路灯不亮了，能派人看看吗？");
            phone.waitFor("#ask-form [name=phone]").sendKeys("13912345678");
            phone.click("#ask-form button[type=submit]");
            phone.until("the private link", () -> phone.driver().findElement(By.id("mine-link")).isDisplayed());
            String link = phone.driver().findElement(By.id("mine-link")).getAttribute("value");
            assertTrue(link.contains("/ask.html#t="), link);
            assertTrue(phone.waitForText("#mine-grid").contains("第一网格"));
            assertFalse(phone.scrollsSideways(), "the question page fits a 360 px phone");

            // the worker's inbox, never reloaded, shows it
            worker.until("the question in the inbox", () -> worker.count("#inbox-list li") == 1);
            assertTrue(worker.waitForText("#inbox-list li .excerpt").contains("路灯不亮"));
            assertTrue(worker.waitForText("#inbox-list li").contains("139****5678"), "masked in the list");
            worker.click("#inbox-list li");
            worker.until("the question opened", () -> worker.driver().findElement(By.id("detail")).isDisplayed());
            assertTrue(worker.waitForText("#detail-phone").contains("13912345678"));
            worker.waitFor("#answer-form [name=text]").sendKeys("已联系物业，今晚修好。");
            worker.click("#answer-form button[type=submit]");
            worker.until("the answer in the history", () -> worker.waitForText("#detail-events").contains("今晚修好"));

            // the resident's link, opened afresh, shows the answer
            phone.driver().navigate().to(link);
            phone.driver().navigate().refresh();
            phone.until("the answer on the link", () -> phone.driver().findElement(By.id("mine-messages")).getText().contains("今晚修好"));
            assertTrue(phone.waitForText("#mine-clock").contains("首次答复用时"));
            phone.click("#mine-solved");
            phone.until("solved", () -> phone.waitForText("#mine-received").contains("已解决"));
            assertEquals("", phone.cspViolations().isEmpty() ? "" : phone.cspViolations().toString());
            worker.until("the solved question leaves the waiting list", () -> worker.count("#inbox-list li") == 0);
        }
    }
}
