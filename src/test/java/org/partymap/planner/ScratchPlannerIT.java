package org.partymap.planner;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.partymap.auth.Role;
import org.partymap.testing.Browser;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

class ScratchPlannerIT {
    static void shot(Browser b, String name) throws Exception {
        Files.write(Path.of("/tmp/pl-" + name + ".png"), b.driver().getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void walk() throws Exception {
        var db = TestDatabase.fresh();
        PlannerDistrict.load(db);
        TestAccounts.create(db, "planner", Role.PLANNER, PlannerDistrict.SUBDISTRICT);
        var server = TestServer.start(db);
        var s = server.login("planner");
        try (Browser b = Browser.desktop()) {
            b.open(server.uri("/login.html"));
            b.driver().manage().addCookie(new org.openqa.selenium.Cookie(s.cookie().split("=")[0], s.cookie().substring(s.cookie().indexOf('=') + 1)));
            b.open(server.uri("/planner.html"));
            b.until("ready", () -> "true".equals(b.js("return document.body.dataset.ready")));
            shot(b, "1-start");
            int g1 = PlannerDistrict.grid(db, 0), g2 = PlannerDistrict.grid(db, 1);
            b.click("#grid-rows tr[data-grid-id='" + g2 + "']");
            b.click("#tools button[data-tool='split']");
            WebElement map = b.waitFor("#map");
            // split 第二网格 along a horizontal line at its middle: points west and east of it
            String xy = (String) b.js("return null");
            b.clickAt(map, -120, 60);
            b.clickAt(map, 140, 60);
            Thread.sleep(300);
            b.click("#tool-panel .pl-buttons button");
            Thread.sleep(2500);
            shot(b, "2-split");
            System.out.println("SPLIT: " + b.js("return document.getElementById('pending').innerText"));
            b.click("#tools button[data-tool='merge']");
            b.clickAt(b.waitFor("path[data-grid-id='" + g1 + "']"), 0, 0);
            Thread.sleep(2500);
            shot(b, "3-merge");
            System.out.println("MERGE: " + b.js("return document.getElementById('pending').innerText"));
            b.click("#tools button[data-tool='proposal']");
            b.click("#tool-panel .pl-generate button");
            Thread.sleep(2500);
            shot(b, "4-proposal");
            System.out.println("PROPOSAL: " + b.js("return document.getElementById('tool-panel').innerText"));
            b.click("#tool-panel .pl-buttons button");
            Thread.sleep(2500);
            shot(b, "5-accept");
            System.out.println("ACCEPT: " + b.js("return document.getElementById('pending').innerText"));
            b.click("#tools button[data-tool='attributes']");
            Thread.sleep(500);
            shot(b, "6-attributes");
            System.out.println("CONSOLE: " + b.console());
        } finally {
            server.close();
            db.close();
        }
    }
}
