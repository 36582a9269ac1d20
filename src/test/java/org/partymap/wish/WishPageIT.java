package org.partymap.wish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.Invariants;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * wish-desk.html and wishes.html in headless Chromium on 360 × 640 phones: grid 1's worker posts a
 * resident's wish, the public wall shows it without a byte of any resident's record, a party
 * member claims it with one tap, the worker marks it fulfilled with a thank-you the wall shows; a
 * visitor claims another by name and phone and the worker confirms it. In this order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WishPageIT {

    private static final String TITLE = "希望有人帮忙换灯泡";
    private static final String SITUATION = "独居老人，够不着客厅顶灯";
    private static final String GROUP = "莲花路社区第一网格第一党小组";

    private static Database db;
    private static TestServer server;
    private static Browser worker;
    private static Browser resident;
    private static int lianhua;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.seedResidents(db);
        lianhua = Fixtures.id(db, "community", "320902001001");
        Sql.update(db.dataSource(), "INSERT INTO party_group (grid_id, name) VALUES (?, ?)", Fixtures.id(db, "grid", Fixtures.GRID_1), GROUP);
        TestAccounts.create(db, "grid1-worker", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "dangyuan", Role.PARTY_MEMBER, GROUP);
        server = TestServer.start(db, java.util.Map.of("PARTYMAP_RATE_LIMIT", "0"));
        worker = Browser.phone();
        resident = Browser.phone();
    }

    @AfterAll
    static void stop() {
        worker.close();
        resident.close();
        server.close();
        db.close();
    }

    private static String wall() {
        return "/wishes.html?community=" + lianhua;
    }

    private static void logIn(Browser b, String username, String next) {
        b.open(server.uri("/login.html?next=" + next));
        b.waitFor("#login [name=username]").sendKeys(username);
        b.waitFor("#login [name=password]").sendKeys(TestAccounts.PASSWORD);
        b.click("#login button[type=submit]");
    }

    private static String status(long id) {
        return Sql.one(db.dataSource(), "SELECT status || '/' || coalesce(claim_confirmed::text, '-') FROM wish WHERE id = ?",
                rs -> rs.getString(1), id).orElseThrow();
    }

    private static long wishId(String title) {
        return Sql.one(db.dataSource(), "SELECT max(id) FROM wish WHERE title = ?", rs -> rs.getLong(1), title).orElseThrow();
    }

    private static void post(String title) {
        worker.open(server.uri("/wish-desk.html"));
        worker.click("#post-box summary");
        worker.waitFor("#post [name=title]").sendKeys(title);
        worker.js("document.querySelector('#post [name=situation]').value = arguments[0]", SITUATION);
        worker.click("#post button[type=submit]");
        worker.until("posted", () -> worker.waitForText("#post-status").startsWith("已发布") ? true : null);
    }

    @Test
    @Order(1)
    void theWorkerPostsAResidentsWishFromThePhone() {
        logIn(worker, "grid1-worker", "/wish-desk.html");
        worker.click("#post-box summary");
        assertEquals("莲花路社区第一网格", worker.until("the grids served", () -> worker.js(
                "const s = document.querySelector('#post [name=grid]'); return s.options.length ? s.options[0].textContent : null")),
                worker.console());
        var search = worker.waitFor("#post [name=resident-search]");
        search.sendKeys("隐私甲一");
        worker.js("arguments[0].dispatchEvent(new Event('change'))", search);
        worker.until("the resident found", () -> worker.count("#post [name=resident] option[value]:not([value=''])") == 1 ? true : null);
        worker.js("const s = document.querySelector('#post [name=resident]'); s.value = s.options[1].value");
        worker.waitFor("#post [name=title]").sendKeys(TITLE);
        worker.js("document.querySelector('#post [name=situation]').value = arguments[0]", SITUATION);
        worker.js("document.querySelector('#post [name=category]').value = 'repair'");
        worker.click("#post button[type=submit]");
        assertTrue(worker.until("posted", () -> worker.waitForText("#post-status").startsWith("已发布") ? true : null));
        long id = wishId(TITLE);
        assertEquals("open/-", status(id));
        assertEquals(Fixtures.residentId(db, "隐私甲一"), Sql.one(db.dataSource(), "SELECT resident_id FROM wish WHERE id = ?",
                rs -> rs.getLong(1), id).orElseThrow());
        worker.until("the wish in the open tab", () -> worker.count("#wishes .wl-item") == 1 ? true : null);
        assertTrue(worker.waitForText("#wishes .wl-item").contains("居民：隐私甲一"), "the worker sees whose wish it is");
        assertFalse(worker.scrollsSideways(), "fits a 360 px phone");
    }

    @Test
    @Order(2)
    void theWallShowsItWithoutAByteOfAnyResidentsRecord() {
        resident.open(server.uri(wall()));
        resident.until("the wish on the wall", () -> resident.count("#wishes .wl-item") == 1 ? true : null);
        assertEquals("莲花路社区 · 微心愿", resident.waitForText("#title"));
        String card = resident.waitForText("#wishes .wl-item");
        assertTrue(card.contains(TITLE) && card.contains(SITUATION) && card.contains("第一网格"), card);
        String page = resident.driver().getPageSource() + server.get("/api/communities/" + lianhua + "/wishes").body();
        var leaks = new ArrayList<String>();
        for (var r : Fixtures.RESIDENTS) {
            for (String value : List.of(r.name(), r.phone(), r.phone().replace("-", ""), r.idMasked(), r.address())) {
                if (page.contains(value)) {
                    leaks.add(value);
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertFalse(resident.scrollsSideways());
    }

    @Test
    @Order(3)
    void aPartyMemberClaimsItWithOneTap() {
        logIn(resident, "dangyuan", wall());
        resident.until("the wall", () -> resident.count("#wishes .wl-item button.wl-claim") == 1 ? true : null);
        assertEquals("一键认领", resident.waitForText("#wishes .wl-item button.wl-claim"));
        resident.click("#wishes .wl-item button.wl-claim");
        assertTrue(resident.until("claimed", () -> resident.waitForText("#status").startsWith("认领成功") ? true : null));
        assertEquals("claimed/true", status(wishId(TITLE)));
        resident.click("#tabs [data-status=claimed]");
        assertTrue(resident.waitForText("#wishes .wl-item").contains(GROUP + "党员"), resident.waitForText("#wishes .wl-item"));
        resident.click("#mine-link a");
        resident.until("my claims", () -> resident.count("#mine-list .wl-item") == 1 ? true : null);
        assertTrue(resident.waitForText("#mine-list .wl-item").contains(TITLE));
    }

    @Test
    @Order(4)
    void theWorkerMarksItFulfilledWithAThankYouTheWallShows() {
        worker.open(server.uri("/wish-desk.html"));
        worker.until("the claimed wish", () -> worker.count("#wishes .wl-item") == 1 ? true : null);
        assertTrue(worker.waitForText("#wishes .wl-item").contains("党员"), worker.waitForText("#wishes .wl-item"));
        worker.click("#wishes .wl-item .wl-actions button");
        worker.waitFor("#wishes .wl-fulfil input").sendKeys("灯亮了，谢谢党员同志！");
        worker.click("#wishes .wl-fulfil button");
        assertTrue(worker.until("fulfilled", () -> worker.waitForText("#status").startsWith("已实现") ? true : null));
        assertEquals("fulfilled/true", status(wishId(TITLE)));

        resident.open(server.uri(wall()));
        resident.click("#tabs [data-status=fulfilled]");
        resident.until("the fulfilled wish", () -> resident.count("#wishes .wl-item") == 1 ? true : null);
        assertTrue(resident.waitForText("#wishes .wl-thanks").contains("灯亮了，谢谢党员同志！"));
        assertEquals("1", resident.waitForText("#figures div:nth-child(3) dd"), "one fulfilled");
    }

    @Test
    @Order(5)
    void aVisitorClaimsByNameAndPhoneAndTheWorkerConfirms() {
        post("希望有人陪同去医院复查");
        long id = wishId("希望有人陪同去医院复查");
        resident.driver().manage().deleteAllCookies();
        resident.open(server.uri(wall()));
        resident.until("the open wish", () -> resident.count("#wishes .wl-item button.wl-claim") == 1 ? true : null);
        assertEquals("我来认领", resident.waitForText("#wishes .wl-item button.wl-claim"));
        resident.click("#wishes .wl-item button.wl-claim");
        resident.waitFor("#claim [name=name]").sendKeys("热心的李阿姨");
        resident.waitFor("#claim [name=phone]").sendKeys("139 1234 5678");
        resident.click("#claim button[type=submit]");
        assertTrue(resident.until("claimed", () -> resident.waitForText("#status").startsWith("认领成功") ? true : null));
        assertEquals("claimed/false", status(id));
        assertFalse(resident.driver().getPageSource().contains("李阿姨"), "the claimant's name is not on the wall");

        worker.open(server.uri("/wish-desk.html"));
        worker.until("the claim to confirm", () -> worker.waitForText("#wishes").contains("热心的李阿姨 13912345678（待确认）") ? true : null);
        worker.click("#wishes .wl-item .wl-actions button");
        assertTrue(worker.until("confirmed", () -> worker.waitForText("#status").startsWith("已确认") ? true : null));
        assertEquals("claimed/true", status(id));
        assertEquals(List.of(), Invariants.wishesKeepOneClaimant(db.dataSource()));
    }
}
