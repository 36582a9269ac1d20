package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geocode.GeocodeFixtures;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** residents.html in headless Chromium: a grid worker logs in, uploads a register, watches it finish, reads the summary and the review queue. */
class ResidentsPageIT {

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

    @Test
    void aGridWorkerUploadsARegisterSeesTheSummaryAndTheRowsToReview() throws Exception {
        browser.open(server.uri("/login.html?next=/residents.html"));
        browser.waitFor("#login [name=username]").sendKeys("worker");
        browser.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
        browser.click("#login button[type=submit]");
        browser.waitFor("#register-form");

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
}
