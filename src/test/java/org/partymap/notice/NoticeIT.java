package org.partymap.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.MutableClock;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/**
 * 公告 over HTTP against the real app: staff publish, change and withdraw; everyone reads the
 * list, a notice and the Atom feed, with strong ETags; the scope of each account; bad input; and
 * that the public reads are served from memory until the notice version moves.
 */
class NoticeIT {

    /** 莲花路社区 (grids 1 and 2) and 健康路社区 (grids 3 and 4) of the sample. */
    private static final String LIANHUA = "320902001001";
    private static final String JIANKANG = "320902001002";

    private static Database db;
    private static MutableClock clock;
    private static TestServer server;
    private static int lianhua;
    private static int jiankang;
    private static Session staff;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.loadOtherSubdistrict(db);
        lianhua = Fixtures.id(db, "community", LIANHUA);
        jiankang = Fixtures.id(db, "community", JIANKANG);
        TestAccounts.create(db, "lianhua-staff", Role.GRID_WORKER, LIANHUA);
        TestAccounts.create(db, "jiankang-staff", Role.GRID_WORKER, JIANKANG);
        TestAccounts.create(db, "grid1-worker", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "planner", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "other-planner", Role.PLANNER, Fixtures.OTHER_SUBDISTRICT);
        TestAccounts.create(db, "admin", Role.ADMIN);
        clock = MutableClock.at("2026-12-07T09:00");
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), clock);
        staff = server.login("lianhua-staff");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static HttpResponse<String> publish(Session who, int community, Object body) {
        return server.call("POST", "/api/communities/" + community + "/notices").as(who).json(body).send();
    }

    /** Publishes as 莲花路's staff, a minute after the last; the notice's id. */
    private static long published(String kind, String title, String body) {
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> r = publish(staff, lianhua, Map.of("kind", kind, "title", title, "body", body));
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.json(r).get("id").asLong();
    }

    private static List<String> titles(String pathAndQuery) {
        var titles = new ArrayList<String>();
        server.ok(pathAndQuery).get("notices").forEach(n -> titles.add(n.get("title").asText()));
        return titles;
    }

    private static long count() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM notice", rs -> rs.getLong(1)).orElseThrow();
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    @Test
    void staffPublishAndTheListShowsTheNewestFirstWithEveryMember() {
        long first = published("news", "排序一：秋季运动会", "运动会于周六上午举行。");
        published("announcement", "排序二：停水通知", "周二 9:00–12:00 停水。\n请提前储水。");
        long third = published("party_affairs", "排序三：党费收缴公示", "十一月党费收缴情况如下。");

        List<String> titles = titles("/api/communities/" + lianhua + "/notices?limit=50");
        assertTrue(titles.indexOf("排序三：党费收缴公示") < titles.indexOf("排序二：停水通知")
                && titles.indexOf("排序二：停水通知") < titles.indexOf("排序一：秋季运动会"), titles.toString());
        assertEquals(List.of("排序二：停水通知"), titles("/api/communities/" + lianhua + "/notices?kind=announcement")
                .stream().filter(t -> t.startsWith("排序")).toList());

        JsonNode list = server.ok("/api/communities/" + lianhua + "/notices?limit=1");
        assertEquals(Map.of("id", lianhua, "code", LIANHUA, "name", "莲花路社区"),
                Map.of("id", list.at("/community/id").asInt(), "code", list.at("/community/code").asText(), "name", list.at("/community/name").asText()));
        assertEquals(1, list.get("notices").size());
        JsonNode newest = list.get("notices").get(0);
        assertEquals(List.of("id", "kind", "kind_label", "title", "body", "author", "published_at", "updated_at"), fields(newest));
        assertEquals(third, newest.get("id").asLong());
        assertEquals("党务公开", newest.get("kind_label").asText());
        assertEquals("莲花路社区居委会", newest.get("author").asText(), "the community's name, never the account's");
        assertTrue(newest.get("published_at").asText().endsWith("+08:00"), newest.toString());

        JsonNode one = server.ok("/api/notices/" + first);
        assertEquals("运动会于周六上午举行。", one.get("body").asText());
        assertEquals(LIANHUA, one.at("/community/code").asText());
        assertFalse(titles("/api/communities/" + jiankang + "/notices").contains("排序一：秋季运动会"), "another community's list");
        assertEquals(1, Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = 'notice_publish' AND target_id = ?",
                rs -> rs.getInt(1), Long.toString(first)).orElseThrow());
    }

    @Test
    void aChangeShowsAtOnceAndKeepsThePublicationTime() {
        long id = published("news", "修改前的标题", "原文。");
        String publishedAt = server.ok("/api/notices/" + id).get("published_at").asText();
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> r = server.call("PATCH", "/api/notices/" + id).as(staff)
                .json(Map.of("title", "修改后的标题", "kind", "announcement")).send();
        assertEquals(200, r.statusCode(), r.body());
        JsonNode now = server.ok("/api/notices/" + id);
        assertEquals(List.of("修改后的标题", "announcement", "原文。", publishedAt),
                List.of(now.get("title").asText(), now.get("kind").asText(), now.get("body").asText(), now.get("published_at").asText()));
        assertNotEquals(publishedAt, now.get("updated_at").asText());
        assertTrue(titles("/api/communities/" + lianhua + "/notices?kind=announcement&limit=50").contains("修改后的标题"));
    }

    @Test
    void aWithdrawnNoticeLeavesEveryPublicViewButIsKept() {
        long id = published("announcement", "将要撤回的公告", "这条公告会被撤回。");
        assertTrue(titles("/api/communities/" + lianhua + "/notices?limit=50").contains("将要撤回的公告"));
        HttpResponse<String> r = server.call("DELETE", "/api/notices/" + id).as(staff).send();
        assertEquals(204, r.statusCode(), r.body());

        assertFalse(titles("/api/communities/" + lianhua + "/notices?limit=50").contains("将要撤回的公告"));
        server.problem("/api/notices/" + id, 404);
        assertFalse(server.get("/api/communities/" + lianhua + "/notices.atom").body().contains("将要撤回的公告"));
        assertEquals(404, server.call("PATCH", "/api/notices/" + id).as(staff).json(Map.of("title", "复活")).send().statusCode());
        assertEquals(204, server.call("DELETE", "/api/notices/" + id).as(staff).send().statusCode(), "withdrawing again is no error");
        assertEquals(List.of("将要撤回的公告", "t"), Sql.one(db.dataSource(), "SELECT title, (withdrawn_at IS NOT NULL)::text FROM notice WHERE id = ?",
                rs -> List.of(rs.getString(1), rs.getString(2).substring(0, 1)), id).orElseThrow());
        assertEquals(1, Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = 'notice_withdraw' AND target_id = ?",
                rs -> rs.getInt(1), Long.toString(id)).orElseThrow(), "one withdrawal, recorded once");
    }

    @Test
    void onlyTheCommunitysStaffItsPlannersAndAdminsWrite() {
        long id = published("news", "权限测试", "权限。");
        var notice = Map.of("kind", "news", "title", "不该出现", "body", "不该出现。");
        long before = count();
        assertEquals(401, publish(null, lianhua, notice).statusCode());
        for (String refused : List.of("grid1-worker", "jiankang-staff", "other-planner")) {
            Session s = server.login(refused);
            HttpResponse<String> r = publish(s, lianhua, notice);
            assertEquals(403, r.statusCode(), refused + ": " + r.body());
            assertEquals("/problems/out-of-scope", TestServer.json(r).get("type").asText());
            assertEquals(403, server.call("PATCH", "/api/notices/" + id).as(s).json(Map.of("title", "不该出现")).send().statusCode(), refused);
            assertEquals(403, server.call("DELETE", "/api/notices/" + id).as(s).send().statusCode(), refused);
        }
        assertEquals(before, count());
        assertEquals("权限测试", server.ok("/api/notices/" + id).get("title").asText());
        assertEquals(404, publish(server.login("admin"), 999_999, notice).statusCode(), "a community that does not exist");

        assertEquals(201, publish(server.login("planner"), jiankang, Map.of("kind", "news", "title", "街道规划员发布", "body", "可以。")).statusCode());
        HttpResponse<String> byAdmin = publish(server.login("admin"), jiankang,
                Map.of("kind", "news", "title", "管理员发布", "body", "可以。", "author", "健康路社区党委"));
        assertEquals(201, byAdmin.statusCode(), byAdmin.body());
        assertEquals("健康路社区党委", TestServer.json(byAdmin).get("author").asText());
        assertEquals(before + 2, count());
    }

    @Test
    void everyBadInputIsRefusedWithAReasonAndNothingIsStored() {
        String longTitle = "题".repeat(81);
        String longBody = "文".repeat(5001);
        List<String> bodies = List.of(
                "{\"title\": \"无类别\", \"body\": \"正文\"}",
                "{\"kind\": \"gossip\", \"title\": \"错类别\", \"body\": \"正文\"}",
                "{\"kind\": 1, \"title\": \"错类别\", \"body\": \"正文\"}",
                "{\"kind\": \"news\", \"body\": \"无标题\"}",
                "{\"kind\": \"news\", \"title\": \"无正文\"}",
                "{\"kind\": \"news\", \"title\": \"   \", \"body\": \"空标题\"}",
                "{\"kind\": \"news\", \"title\": \"空正文\", \"body\": \"\"}",
                "{\"kind\": \"news\", \"title\": \"" + longTitle + "\", \"body\": \"正文\"}",
                "{\"kind\": \"news\", \"title\": \"长正文\", \"body\": \"" + longBody + "\"}",
                "{\"kind\": \"news\", \"title\": \"两行\\n标题\", \"body\": \"正文\"}",
                "{\"kind\": \"news\", \"title\": \"脚本\", \"body\": \"<script>alert(1)</script>\"}",
                "{\"kind\": \"news\", \"title\": \"<b>粗体</b>\", \"body\": \"正文\"}",
                "{\"kind\": \"news\", \"title\": \"实体\", \"body\": \"&lt;b&gt;\"}",
                "{\"kind\": \"news\", \"title\": \"事件\", \"body\": \"x onclick=alert(1)\"}",
                "{\"kind\": \"news\", \"title\": \"控制\\u0007字符\", \"body\": \"正文\"}",
                "{\"kind\": \"news\", \"title\": \"半个代理\\ud800\", \"body\": \"正文\"}",
                "{\"kind\": \"news\", \"title\": \"数字\", \"body\": 5}",
                "{\"kind\": \"news\", \"title\": \"作者\", \"body\": \"正文\", \"author\": \"<i>x</i>\"}",
                "{\"kind\": \"news\", \"title\": \"多余\", \"body\": \"正文\", \"created_by\": 1}",
                "{\"kind\": \"news\", \"title\": \"重复\", \"title\": \"重复\", \"body\": \"正文\"}",
                "[\"news\"]",
                "{\"kind\": \"news\", ");
        long before = count();
        var wrong = new ArrayList<String>();
        for (String body : bodies) {
            HttpResponse<String> r = publish(staff, lianhua, body);
            if (r.statusCode() != 400 || !header(r, "Content-Type").startsWith("application/problem+json")) {
                wrong.add(r.statusCode() + " for " + body.substring(0, Math.min(body.length(), 60)));
            }
        }
        HttpResponse<String> form = server.call("POST", "/api/communities/" + lianhua + "/notices").as(staff)
                .body("kind=news&title=x&body=y".getBytes(), "application/x-www-form-urlencoded").send();
        assertEquals(415, form.statusCode());
        long id = published("news", "待修改", "正文。");
        for (String patch : List.of("{}", "{\"title\": \"<b>x</b>\"}", "{\"author\": \"改作者\"}", "{\"kind\": \"gossip\"}", "{\"body\": \"\"}")) {
            int status = server.call("PATCH", "/api/notices/" + id).as(staff).json(patch).send().statusCode();
            if (status != 400) {
                wrong.add(status + " for PATCH " + patch);
            }
        }
        for (String query : List.of("limit=0", "limit=51", "limit=x", "kind=gossip", "limit=1&limit=2")) {
            int status = server.get("/api/communities/" + lianhua + "/notices?" + query).statusCode();
            if (status != 400) {
                wrong.add(status + " for ?" + query);
            }
        }
        assertEquals(404, server.get("/api/communities/999999/notices").statusCode());
        assertEquals(404, server.get("/api/communities/999999/notices.atom").statusCode());
        assertEquals(400, server.get("/api/notices/abc").statusCode());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(before + 1, count(), "only the one good notice was stored");
        assertEquals("待修改", server.ok("/api/notices/" + id).get("title").asText());
    }

    @Test
    void staffMayWriteWebAddressesButTheyStayText() {
        long id = published("announcement", "网上报名", "报名请访问 https://example.org/form?id=3 或致电居委会。");
        assertEquals("报名请访问 https://example.org/form?id=3 或致电居委会。", server.ok("/api/notices/" + id).get("body").asText());
    }

    @Test
    void everyPublicReadHasAStrongEtagAnd304AndAWriteChangesItAtOnce() {
        long id = published("news", "缓存测试", "第一版。");
        for (String path : List.of("/api/communities/" + lianhua + "/notices", "/api/communities/" + lianhua + "/notices.atom",
                "/api/notices/" + id)) {
            HttpResponse<String> first = server.get(path);
            String etag = header(first, "ETag");
            assertTrue(etag.startsWith("\"") && etag.endsWith("\""), path + ": a strong ETag, not " + etag);
            assertEquals("no-cache", header(first, "Cache-Control"), path);
            HttpResponse<String> again = server.send(HttpRequest.newBuilder(server.uri(path)).header("If-None-Match", etag).build());
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body(), path);
            assertEquals(etag, header(again, "ETag"), path);
            assertEquals(200, server.send(HttpRequest.newBuilder(server.uri(path)).header("If-None-Match", "\"other\"").build()).statusCode());
            assertEquals(first.body(), server.get(path).body(), path + ": the same bytes again");
        }
        String listPath = "/api/communities/" + lianhua + "/notices";
        String before = header(server.get(listPath), "ETag");
        String noticeBefore = header(server.get("/api/notices/" + id), "ETag");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, server.call("PATCH", "/api/notices/" + id).as(staff).json(Map.of("body", "第二版。")).send().statusCode());
        // the same node, at once: not after the next poll of the versions
        HttpResponse<String> after = server.send(HttpRequest.newBuilder(server.uri(listPath)).header("If-None-Match", before).build());
        assertEquals(200, after.statusCode());
        assertNotEquals(before, header(after, "ETag"));
        assertTrue(after.body().contains("第二版。"), after.body());
        assertNotEquals(noticeBefore, header(server.get("/api/notices/" + id), "ETag"));
    }

    @Test
    void publicReadsComeFromMemoryUntilTheNoticeVersionMoves() {
        long id = published("news", "内存中的标题", "正文。");
        String path = "/api/communities/" + lianhua + "/notices?limit=50";
        assertTrue(titles(path).contains("内存中的标题"));
        // a change the version does not count: only a node that reads the table for every request would show it
        Sql.transaction(db.dataSource(), c -> {
            Sql.update(c, "ALTER TABLE notice DISABLE TRIGGER notice_layer_version");
            Sql.update(c, "UPDATE notice SET title = '未计版本的标题' WHERE id = ?", id);
            return Sql.update(c, "ALTER TABLE notice ENABLE TRIGGER notice_layer_version");
        });
        assertTrue(titles(path).contains("内存中的标题"), "served from what was rendered");
        assertEquals("内存中的标题", server.ok("/api/notices/" + id).get("title").asText());
        Sql.update(db.dataSource(), "UPDATE layer_version SET version = version + 1 WHERE layer = 'notice'");
        untilTrue("the next poll of the versions", () -> titles(path).contains("未计版本的标题"));
        assertEquals("未计版本的标题", server.ok("/api/notices/" + id).get("title").asText());
    }

    @Test
    void anotherNodeSeesAWriteWithinAPollOfTheVersions() {
        try (TestServer other = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), clock)) {
            String path = "/api/communities/" + jiankang + "/notices?limit=50";
            assertFalse(other.ok(path).toString().contains("另一节点"));
            clock.advance(Duration.ofMinutes(1));
            assertEquals(201, publish(server.login("jiankang-staff"), jiankang,
                    Map.of("kind", "news", "title", "另一节点的公告", "body", "在另一节点发布。")).statusCode());
            untilTrue("the other node shows the notice", () -> other.ok(path).toString().contains("另一节点的公告"));
        }
    }

    @Test
    void theAtomFeedParsesAndHasEveryRequiredElementWithTextEscaped() throws Exception {
        String title = "水压 <3号楼> & 4号楼 \"检修\"";
        long id = published("announcement", title, "检修时间：周三。\n如有疑问请致电 <居委会>。");
        HttpResponse<String> r = server.get("/api/communities/" + lianhua + "/notices.atom");
        assertEquals(200, r.statusCode());
        assertEquals("application/atom+xml; charset=utf-8", header(r, "Content-Type").toLowerCase(java.util.Locale.ROOT).replace(";charset", "; charset"));
        assertTrue(r.body().contains("水压 &lt;3号楼&gt; &amp; 4号楼"), "escaped in the XML text: " + r.body());
        assertFalse(r.body().contains("<3号楼>"));

        var input = new WireFeedInput();
        input.setXmlHealerOn(false);
        Feed feed = (Feed) input.build(new StringReader(r.body()));
        assertEquals("atom_1.0", feed.getFeedType());
        String base = server.uri("").toString();
        assertEquals(base + "/notices.html?community=" + lianhua, feed.getId());
        assertEquals("莲花路社区 · 公告", feed.getTitleEx().getValue());
        assertTrue(feed.getUpdated() != null, "feed updated");
        Function<String, String> link = rel -> feed.getOtherLinks().stream().filter(l -> rel.equals(l.getRel())).map(Link::getHref)
                .findFirst().orElse(feed.getAlternateLinks().stream().filter(l -> rel.equals(l.getRel())).map(Link::getHref).findFirst().orElse(null));
        assertEquals(base + "/api/communities/" + lianhua + "/notices.atom", link.apply("self"));
        assertEquals(base + "/notices.html?community=" + lianhua, link.apply("alternate"));

        List<Entry> entries = feed.getEntries();
        assertFalse(entries.isEmpty());
        for (Entry e : entries) {
            assertTrue(e.getId().startsWith(base + "/api/notices/"), e.getId());
            assertTrue(e.getTitleEx() != null && !e.getTitleEx().getValue().isBlank(), e.getId());
            assertTrue(e.getUpdated() != null && e.getPublished() != null, e.getId());
            assertFalse(e.getAuthors().isEmpty() || e.getAuthors().get(0).getName().isBlank(), e.getId());
            assertEquals(1, e.getContents().size(), e.getId());
            assertEquals("text", e.getContents().get(0).getType(), e.getId());
            assertTrue(e.getAlternateLinks().stream().anyMatch(l -> l.getHref().startsWith(base + "/notices.html?community=" + lianhua + "#n=")), e.getId());
            assertFalse(e.getUpdated().after(feed.getUpdated()), "the feed is updated no earlier than its entries");
        }
        Entry mine = entries.stream().filter(e -> e.getId().equals(base + "/api/notices/" + id)).findFirst().orElseThrow();
        assertEquals(title, mine.getTitleEx().getValue());
        Content content = mine.getContents().get(0);
        assertEquals("检修时间：周三。\n如有疑问请致电 <居委会>。", content.getValue());
        assertEquals("莲花路社区居委会", mine.getAuthors().get(0).getName());
        assertEquals(base + "/notices.html?community=" + lianhua + "#n=" + id, mine.getAlternateLinks().get(0).getHref());
        assertEquals(entries.get(0).getId(), mine.getId(), "newest first");
    }

    @Test
    void oneClientLoopingOnTheListCostsACopyOfBytes() throws Exception {
        published("news", "压测公告", "正文。".repeat(100));
        String path = "/api/communities/" + lianhua + "/notices?limit=50";
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest full = HttpRequest.newBuilder(server.uri(path)).build();
        String etag = header(http.send(full, HttpResponse.BodyHandlers.ofString()), "ETag");
        HttpRequest conditional = HttpRequest.newBuilder(server.uri(path)).header("If-None-Match", etag).build();
        long scansBefore = noticeScans();
        int n = 2000;
        double fullMicros = loop(http, full, n, 200);
        double conditionalMicros = loop(http, conditional, n, 304);
        long scans = noticeScans() - scansBefore;
        int bytes = http.send(full, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        // the figure the notices' docs quote: printed, not asserted (it depends on the machine)
        System.out.printf("NoticeIT: one client looping on %s: %d µs per 200 (%d bytes), %d µs per 304; %d scans of notice in %d requests%n",
                path, Math.round(fullMicros), bytes, Math.round(conditionalMicros), scans, 2 * n);
        assertTrue(scans < 10, scans + " scans of the notice table for " + 2 * n + " requests");
    }

    private static double loop(HttpClient http, HttpRequest request, int n, int status) throws Exception {
        for (int i = 0; i < 200; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int got = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (got != status) {
                fail("request " + i + " answered " + got + ", not " + status);
            }
        }
        return (System.nanoTime() - start) / 1000.0 / n;
    }

    /** Index and sequential scans of the notice table so far, as the statistics collector has them. */
    private static long noticeScans() {
        Sql.list(db.dataSource(), "SELECT pg_stat_force_next_flush()", rs -> 0);
        return Sql.one(db.dataSource(), "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'notice'",
                rs -> rs.getLong(1)).orElseThrow();
    }

    private static List<String> fields(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Waits (up to 10 s, the poll is every 2 s) until the condition holds. */
    private static void untilTrue(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 10 s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
