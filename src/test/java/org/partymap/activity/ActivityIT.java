package org.partymap.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * 活动 against the real server and database, at Monday 2026-12-07 09:00 in Shanghai. Each test
 * starts with no activities and ends by checking that no occurrence holds more live sign-ups than
 * its activity has seats.
 */
class ActivityIT {

    private static final String MONDAY_9 = "2026-12-07T09:00";
    private static Database db;
    private static TestServer server;
    private static final MutableClock clock = MutableClock.at(MONDAY_9);
    /** 莲花路社区党员活动室, an activity room of the sample. */
    private static int room;
    private static int roomCommunity;
    private static Session organiser;
    private static Session stranger;
    private static Session admin;
    private static Session communityStaff;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.loadOtherSubdistrict(db);
        room = Sql.one(db.dataSource(), "SELECT id FROM station WHERE name = '莲花路社区党员活动室'", rs -> rs.getInt(1)).orElseThrow();
        var scope = Sql.one(db.dataSource(), """
                SELECT g.code, c.code, c.id FROM station s LEFT JOIN grid g ON g.id = s.grid_id
                  JOIN community c ON c.id = coalesce(g.community_id, s.community_id) WHERE s.id = ?""",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, room).orElseThrow();
        roomCommunity = Integer.parseInt(scope[2]);
        String otherGrid = Sql.one(db.dataSource(), """
                SELECT g.code FROM grid g JOIN community c ON c.id = g.community_id WHERE c.id <> ? ORDER BY g.code LIMIT 1""",
                rs -> rs.getString(1), roomCommunity).orElseThrow();
        TestAccounts.create(db, "organiser", Role.GRID_WORKER, scope[0] != null ? scope[0] : scope[1]);
        TestAccounts.create(db, "stranger", Role.GRID_WORKER, otherGrid);
        TestAccounts.create(db, "lianhua-staff", Role.GRID_WORKER, scope[1]);
        TestAccounts.create(db, "admin1", Role.ADMIN);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), clock);
        organiser = server.login("organiser");
        stranger = server.login("stranger");
        admin = server.login("admin1");
        communityStaff = server.login("lianhua-staff");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @BeforeEach
    void noActivitiesAtMondayNine() {
        Sql.update(db.dataSource(), "DELETE FROM activity_signup");
        Sql.update(db.dataSource(), "DELETE FROM activity");
        Sql.update(db.dataSource(), "DELETE FROM service_project");
        clock.set(MutableClock.at(MONDAY_9).instant());
    }

    @AfterEach
    void noOccurrenceHoldsMoreLiveSignupsThanItsSeats() {
        var over = Sql.list(db.dataSource(), """
                SELECT a.id || ' ' || u.occurrence_start || ': ' || count(*) FROM activity_signup u JOIN activity a ON a.id = u.activity_id
                 WHERE u.cancelled_at IS NULL GROUP BY a.id, a.capacity, u.occurrence_start
                HAVING a.capacity IS NULL OR count(*) > a.capacity""", rs -> rs.getString(1));
        assertEquals(List.of(), over, "occurrences with more live sign-ups than seats");
    }

    static Map<String, Object> activity(String title, String kind, String start, String end, Integer capacity, String rrule) {
        var body = new LinkedHashMap<String, Object>();
        body.put("station", room);
        body.put("title", title);
        body.put("kind", kind);
        body.put("start", start);
        body.put("end", end);
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        if (rrule != null) {
            body.put("rrule", rrule);
        }
        return body;
    }

    private static JsonNode published(Session as, Map<String, Object> body) {
        HttpResponse<String> r = server.call("POST", "/api/activities").as(as).json(body).send();
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.json(r);
    }

    private static long activities() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM activity", rs -> rs.getLong(1)).orElseThrow();
    }

    private static long signups() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM activity_signup", rs -> rs.getLong(1)).orElseThrow();
    }

    private static HttpResponse<String> signUp(long activity, String occurrence, String phone) {
        return server.call("POST", "/api/activities/" + activity + "/signups")
                .json(Map.of("occurrence", occurrence, "name", "报名甲", "phone", phone)).send();
    }

    private static List<String> starts(JsonNode list, long activity) {
        var starts = new ArrayList<String>();
        list.get("occurrences").forEach(o -> {
            if (o.get("activity").asLong() == activity) {
                starts.add(o.get("start").asText());
            }
        });
        return starts;
    }

    /** A weekly 党员活动日 on Saturdays at 07:00 Shanghai, which is Friday 23:00 UTC: BYDAY is read in Shanghai. */
    private static JsonNode weeklyPartyDay(int capacity) {
        return published(organiser, activity("党员活动日", "party", "2026-12-12T07:00:00+08:00", "2026-12-12T09:00:00+08:00", capacity,
                "FREQ=WEEKLY;BYDAY=SA;COUNT=8"));
    }

    @Test
    void weeklyAndMonthlyRulesExpandInShanghaiTimeAndAOneOffShowsOnce() {
        JsonNode weekly = weeklyPartyDay(20);
        assertEquals("FREQ=WEEKLY;BYDAY=SA;COUNT=8", weekly.get("rrule").asText());
        assertEquals(8, weekly.get("occurrences").size());
        assertEquals("2027-01-30T07:00:00+08:00", weekly.get("occurrences").get(7).asText());
        JsonNode monthly = published(organiser, activity("健康讲座", "lecture", "2026-12-15T14:00", "2026-12-15T15:30", null,
                "RRULE:FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3"));
        JsonNode once = published(organiser, activity("消防安全讲座", "lecture", "2026-12-09T09:30:00+08:00", "2026-12-09T11:00:00+08:00", 30, null));

        JsonNode month = server.ok("/api/stations/" + room + "/activities?days=30");
        assertEquals(List.of("2026-12-12T07:00:00+08:00", "2026-12-19T07:00:00+08:00", "2026-12-26T07:00:00+08:00",
                "2027-01-02T07:00:00+08:00"), starts(month, weekly.get("id").asLong()));
        assertEquals(List.of("2026-12-15T14:00:00+08:00"), starts(month, monthly.get("id").asLong()));
        assertEquals(List.of("2026-12-09T09:30:00+08:00"), starts(month, once.get("id").asLong()));
        JsonNode first = month.get("occurrences").get(0);
        assertEquals("消防安全讲座", first.get("title").asText());
        assertEquals("讲座", first.get("kind_label").asText());
        assertEquals(30, first.get("remaining").asInt());
        assertEquals("2026-12-09T11:00:00+08:00", first.get("end").asText());
        JsonNode twoMonths = server.ok("/api/stations/" + room + "/activities?days=60");
        assertEquals(List.of("2026-12-15T14:00:00+08:00", "2027-01-15T14:00:00+08:00"), starts(twoMonths, monthly.get("id").asLong()));
        assertTrue(twoMonths.get("occurrences").findValues("capacity").stream().anyMatch(JsonNode::isNull), "the lecture needs no sign-up");

        // the community's calendar holds the same occurrences; a day later the one-off is past
        JsonNode community = server.ok("/api/communities/" + roomCommunity + "/activities?days=30");
        assertEquals(month.get("occurrences"), community.get("occurrences"));
        clock.set(OffsetDateTime.parse("2026-12-09T11:00:01+08:00").toInstant());
        assertEquals(List.of(), starts(server.ok("/api/stations/" + room + "/activities?days=30"), once.get("id").asLong()));
    }

    @Test
    void aRuleWrittenStraightInSqlPastTheLimitsIsShownAsFarAsTheLimitReaches() {
        long id = Sql.one(db.dataSource(), """
                INSERT INTO activity (station_id, title, kind, starts_at, ends_at, rrule)
                VALUES (?, '晨练', 'culture', '2026-12-08 07:00+08', '2026-12-08 08:00+08', 'FREQ=WEEKLY;COUNT=100') RETURNING id""",
                rs -> rs.getLong(1), room).orElseThrow();
        assertEquals(List.of("2026-12-08T07:00:00+08:00", "2026-12-15T07:00:00+08:00"),
                starts(server.ok("/api/stations/" + room + "/activities?days=14"), id));
        assertEquals(200, server.get("/api/stations/" + room + "/activities.ics").statusCode());
    }

    @Test
    void staffOnlyEventsAreAbsentFromPublicListsAndFeeds() {
        JsonNode meeting = published(organiser, activity("民情分析会", "opinion_meeting", "2026-12-10T15:00:00+08:00",
                "2026-12-10T16:30:00+08:00", null, "FREQ=MONTHLY;COUNT=6"));
        assertFalse(meeting.get("public").asBoolean(), "a 民情分析会 is staff-only unless said otherwise");
        weeklyPartyDay(10);
        for (String path : List.of("/api/stations/" + room + "/activities?days=90", "/api/communities/" + roomCommunity + "/activities?days=90",
                "/api/stations/" + room + "/activities.ics", "/api/communities/" + roomCommunity + "/activities.ics")) {
            String body = server.get(path).body();
            assertFalse(body.contains("民情分析会"), path);
            assertTrue(body.contains("党员活动日"), path);
        }
        var r = signUp(meeting.get("id").asLong(), "2026-12-10T15:00:00+08:00", "13900000001");
        assertEquals(404, r.statusCode(), r.body());
    }

    @Test
    void eachOccurrenceHasItsOwnSeatsAndCancellingFreesOne() {
        long id = weeklyPartyDay(2).get("id").asLong();
        String first = "2026-12-12T07:00:00+08:00";
        HttpResponse<String> a = signUp(id, first, "13900000001");
        assertEquals(201, a.statusCode(), a.body());
        JsonNode signed = TestServer.json(a);
        String token = signed.get("token").asText();
        assertEquals("/activity.html#t=" + token, signed.get("link").asText());
        assertEquals("139****0001", signed.get("signup").get("phone_masked").asText());
        assertFalse(a.body().contains("13900000001"));
        assertEquals(409, signUp(id, first, "13900000001").statusCode(), "the same phone twice");
        assertEquals(201, signUp(id, first, "13900000002").statusCode());
        HttpResponse<String> full = signUp(id, first, "13900000003");
        assertEquals(409, full.statusCode());
        assertTrue(full.body().contains("activity-full"), full.body());
        assertEquals(201, signUp(id, "2026-12-19T07:00:00+08:00", "13900000003").statusCode(), "the next Saturday has its own seats");
        assertEquals(0, server.ok("/api/stations/" + room + "/activities").get("occurrences").get(0).get("remaining").asInt());

        JsonNode mine = TestServer.json(server.call("GET", "/api/signups/mine").header("Authorization", "Bearer " + token).send());
        assertEquals("signed_up", mine.get("status").asText());
        assertEquals(first, mine.get("occurrence_start").asText());
        assertEquals("莲花路社区党员活动室", mine.get("activity").get("station").get("name").asText());
        assertTrue(mine.get("cancellable").asBoolean());
        var cancel = server.call("POST", "/api/signups/mine/cancel").header("Authorization", "Bearer " + token).send();
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertEquals("cancelled", TestServer.json(cancel).get("status").asText());
        assertEquals(1, server.ok("/api/stations/" + room + "/activities").get("occurrences").get(0).get("remaining").asInt());
        assertEquals(201, signUp(id, first, "13900000004").statusCode(), "the freed seat is taken again");

        assertEquals(401, server.call("GET", "/api/signups/mine").send().statusCode());
        assertEquals(401, server.call("GET", "/api/signups/mine").header("Authorization", "Bearer short").send().statusCode());
        assertEquals(404, server.call("GET", "/api/signups/mine").header("Authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAA").send().statusCode());
        assertEquals(404, server.call("POST", "/api/signups/mine/cancel").header("Authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAA").send().statusCode());

        long before = signups();
        assertEquals(422, signUp(id, "2026-12-13T07:00:00+08:00", "13900000005").statusCode(), "a Sunday is no occurrence");
        assertEquals(400, signUp(id, "next saturday", "13900000005").statusCode());
        assertEquals(400, signUp(id, first, "12345").statusCode());
        assertEquals(404, signUp(999_999, first, "13900000005").statusCode());
        clock.set(OffsetDateTime.parse("2026-12-12T07:00:00+08:00").toInstant());
        assertEquals(409, signUp(id, first, "13900000005").statusCode(), "the occurrence has started");
        assertEquals(before, signups());
    }

    @Test
    void theLastSeatsOfAnOccurrenceGoToExactlyAsManyOfEightResidentsSigningUpAtOnce() throws Exception {
        long id = weeklyPartyDay(3).get("id").asLong();
        int threads = 8;
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var statuses = new ConcurrentLinkedQueue<Integer>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                String phone = "1390000200" + i;
                pool.submit(() -> {
                    try {
                        ready.countDown();
                        go.await();
                        statuses.add(signUp(id, "2026-12-19T07:00:00+08:00", phone).statusCode());
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "sign-ups did not finish");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(3, signups());
    }

    @Test
    void onlyTheStaffOfThePostPublishAndSeeItsSignups() {
        var body = activity("党员活动日", "party", "2026-12-12T07:00:00+08:00", "2026-12-12T09:00:00+08:00", 5, null);
        assertEquals(401, server.call("POST", "/api/activities").json(body).send().statusCode());
        var refused = server.call("POST", "/api/activities").as(stranger).json(body).send();
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(0, activities());
        long id = published(admin, body).get("id").asLong();
        published(communityStaff, body);
        assertEquals(201, signUp(id, "2026-12-12T07:00:00+08:00", "13912345678").statusCode());

        assertEquals(404, server.call("GET", "/api/activities/" + id + "/signups").as(stranger).send().statusCode());
        assertEquals(403, server.call("PATCH", "/api/activities/" + id).as(stranger).json(Map.of("title", "改名")).send().statusCode());
        assertEquals(403, server.call("DELETE", "/api/activities/" + id).as(stranger).send().statusCode());
        var list = server.call("GET", "/api/activities/" + id + "/signups").as(organiser).send();
        assertEquals(200, list.statusCode(), list.body());
        JsonNode occurrence = TestServer.json(list).get("occurrences").get(0);
        assertEquals(1, occurrence.get("taken").asInt());
        assertEquals("报名甲", occurrence.get("signups").get(0).get("name").asText());
        assertEquals("139****5678", occurrence.get("signups").get(0).get("phone_masked").asText());
        assertFalse(list.body().contains("13912345678"));
        assertEquals(1L, Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = 'activity_signup_list'",
                rs -> rs.getLong(1)).orElseThrow());
        assertEquals(404, server.call("POST", "/api/activities").as(organiser)
                .json(Map.of("station", 999_999, "title", "无处", "kind", "other", "start", "2026-12-12T07:00", "end", "2026-12-12T08:00"))
                .send().statusCode());
    }

    static List<Map<String, Object>> badActivities() {
        var list = new ArrayList<Map<String, Object>>();
        list.add(activity("倒着走", "party", "2026-12-12T09:00", "2026-12-12T08:00", 5, null));
        list.add(activity("同一刻", "party", "2026-12-12T09:00", "2026-12-12T09:00", 5, null));
        list.add(activity("永不结束", "party", "2026-12-12T09:00", "2026-12-12T10:00", 5, "FREQ=WEEKLY;BYDAY=SA"));
        list.add(activity("太多次", "party", "2026-12-12T09:00", "2026-12-12T10:00", 5, "FREQ=WEEKLY;COUNT=61"));
        list.add(activity("两年", "party", "2026-12-12T09:00", "2026-12-12T10:00", 5, "FREQ=MONTHLY;UNTIL=20281231T000000Z"));
        list.add(activity("每天", "party", "2026-12-12T09:00", "2026-12-12T10:00", 5, "FREQ=DAILY;COUNT=5"));
        list.add(activity("乱写", "party", "2026-12-12T09:00", "2026-12-12T10:00", 5, "每周六"));
        list.add(activity("零座", "party", "2026-12-12T09:00", "2026-12-12T10:00", 0, null));
        list.add(activity("负座", "party", "2026-12-12T09:00", "2026-12-12T10:00", -3, null));
        list.add(activity("怪类", "picnic", "2026-12-12T09:00", "2026-12-12T10:00", 5, null));
        list.add(activity("无时", "party", "tomorrow", "2026-12-12T10:00", 5, null));
        list.add(activity("<b>粗</b>", "party", "2026-12-12T09:00", "2026-12-12T10:00", 5, null));
        list.add(activity("一月", "party", "2026-12-12T09:00", "2027-01-12T10:00", 5, null));
        var unknownField = activity("多字段", "party", "2026-12-12T09:00", "2026-12-12T10:00", 5, null);
        unknownField.put("created_by", 1);
        list.add(unknownField);
        return list;
    }

    @ParameterizedTest
    @MethodSource("badActivities")
    void badActivitiesAreRefusedWithAReasonAndNothingIsStored(Map<String, Object> body) {
        var r = server.call("POST", "/api/activities").as(organiser).json(body).send();
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(TestServer.json(r).get("detail").asText().length() > 10, r.body());
        assertEquals(0, activities());
    }

    @Test
    void changesMayNotStrandSignups() {
        long id = weeklyPartyDay(3).get("id").asLong();
        assertEquals(201, signUp(id, "2026-12-12T07:00:00+08:00", "13900000001").statusCode());
        assertEquals(201, signUp(id, "2026-12-12T07:00:00+08:00", "13900000002").statusCode());
        var lower = server.call("PATCH", "/api/activities/" + id).as(organiser).json(Map.of("capacity", 1)).send();
        assertEquals(409, lower.statusCode(), lower.body());
        var move = server.call("PATCH", "/api/activities/" + id).as(organiser).json(Map.of("start", "2026-12-12T08:00",
                "end", "2026-12-12T10:00")).send();
        assertEquals(409, move.statusCode(), move.body());
        var backwards = server.call("PATCH", "/api/activities/" + id).as(organiser).json(Map.of("end", "2026-12-12T06:00")).send();
        assertEquals(400, backwards.statusCode(), backwards.body());
        var forever = server.call("PATCH", "/api/activities/" + id).as(organiser).json(Map.of("rrule", "FREQ=WEEKLY")).send();
        assertEquals(400, forever.statusCode(), forever.body());
        var renamed = server.call("PATCH", "/api/activities/" + id).as(organiser).json(Map.of("title", "主题党日", "capacity", 2)).send();
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("主题党日", TestServer.json(renamed).get("title").asText());
        assertEquals("2026-12-12T07:00:00+08:00", TestServer.json(renamed).get("start").asText());

        assertEquals(204, server.call("DELETE", "/api/activities/" + id).as(organiser).send().statusCode());
        assertEquals(204, server.call("DELETE", "/api/activities/" + id).as(organiser).send().statusCode(), "cancelling again changes nothing");
        assertEquals(0, server.ok("/api/stations/" + room + "/activities").get("occurrences").size());
        assertEquals(404, signUp(id, "2026-12-19T07:00:00+08:00", "13900000003").statusCode());
    }

    @Test
    void theFeedsParseWithBiweeklyAndHoldTheSameEventsAsTheJson() {
        weeklyPartyDay(20);
        published(organiser, activity("健康讲座：冬季养生与慢性病防治，社区卫生服务中心医生主讲，欢迎居民朋友们踊跃参加", "lecture",
                "2026-12-15T14:00", "2026-12-15T15:30", null, "FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20270415T000000Z"));
        published(organiser, activity("邻居节", "neighbourhood_festival", "2026-12-20T09:00", "2026-12-20T17:00", null, null));
        for (String path : List.of("/api/stations/" + room, "/api/communities/" + roomCommunity)) {
            HttpResponse<String> r = server.get(path + "/activities.ics");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("text/calendar; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().toLowerCase());
            String text = r.body();
            assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
            for (String line : text.split("\r\n")) {
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "a line longer than 75 octets: " + line);
                assertFalse(line.contains("\n"), "a bare LF");
            }
            assertTrue(text.contains("BEGIN:VTIMEZONE"), text);
            assertTrue(text.contains("RRULE:FREQ=WEEKLY;"), "the rule stays a rule");
            assertTrue(text.contains("DTSTART;TZID=Asia/Shanghai:20261212T070000"), text);

            ICalendar ical = Biweekly.parse(text).first();
            assertNotNull(ical);
            JsonNode json = server.ok(path + "/activities?days=90");
            var fromJson = new TreeSet<String>();
            json.get("occurrences").forEach(o -> fromJson.add(o.get("activity").asText() + " " + o.get("title").asText() + " "
                    + Instant.from(OffsetDateTime.parse(o.get("start").asText()))));
            var fromFeed = new TreeSet<String>();
            Instant until = clock.instant().plus(java.time.Duration.ofDays(90));
            for (VEvent e : ical.getEvents()) {
                String uid = e.getUid().getValue();
                assertTrue(uid.matches("activity-\\d+@partymap"), uid);
                String id = uid.substring("activity-".length(), uid.indexOf('@'));
                assertTrue(e.getLocation().getValue().startsWith("莲花路社区党员活动室"), e.getLocation().getValue());
                var it = e.getDateIterator(TimeZone.getTimeZone("Asia/Shanghai"));
                while (it.hasNext()) {
                    Instant start = it.next().toInstant();
                    if (start.isBefore(until)) {
                        fromFeed.add(id + " " + e.getSummary().getValue() + " " + start);
                    }
                }
            }
            assertEquals(fromJson, fromFeed, path);
            assertEquals(3, ical.getEvents().size());
        }
    }

    @Test
    void publicReadsAnswerNotModifiedUntilSomethingChanges() {
        long id = weeklyPartyDay(5).get("id").asLong();
        for (String path : List.of("/api/stations/" + room + "/activities", "/api/communities/" + roomCommunity + "/activities",
                "/api/stations/" + room + "/activities.ics", "/api/communities/" + roomCommunity + "/activities.ics")) {
            HttpResponse<String> first = server.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            var again = server.call("GET", path).header("If-None-Match", etag).send();
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
        }
        String path = "/api/stations/" + room + "/activities";
        String etag = server.get(path).headers().firstValue("ETag").orElseThrow();
        assertEquals(201, signUp(id, "2026-12-12T07:00:00+08:00", "13900000001").statusCode());
        var after = server.call("GET", path).header("If-None-Match", etag).send();
        assertEquals(200, after.statusCode(), "a sign-up changes the seats left");
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
        assertEquals(4, TestServer.json(after).get("occurrences").get(0).get("remaining").asInt());
        assertEquals(404, server.get("/api/stations/999999/activities").statusCode());
        assertEquals(404, server.get("/api/communities/999999/activities.ics").statusCode());
        assertEquals(400, server.get(path + "?days=0").statusCode());
    }

    @Test
    void serviceProjectsAreKeptByCommunityStaffAndJoinTheMapsServiceFilter() {
        var project = Map.of("name", "四点半课堂", "description", "放学后作业辅导", "audience", "辖区小学生", "station", room,
                "contact", "王老师 0515-00090004");
        assertEquals(403, server.call("POST", "/api/communities/" + roomCommunity + "/service-projects").as(stranger).json(project)
                .send().statusCode());
        assertEquals(403, server.call("POST", "/api/communities/" + roomCommunity + "/service-projects").as(organiser).json(project)
                .send().statusCode(), "a worker of one grid is not the community's staff");
        var added = server.call("POST", "/api/communities/" + roomCommunity + "/service-projects").as(communityStaff).json(project).send();
        assertEquals(201, added.statusCode(), added.body());
        int id = TestServer.json(added).get("id").asInt();
        assertEquals(409, server.call("POST", "/api/communities/" + roomCommunity + "/service-projects").as(communityStaff).json(project)
                .send().statusCode(), "the same name twice");
        int foreign = Sql.one(db.dataSource(), """
                SELECT s.id FROM station s LEFT JOIN grid g ON g.id = s.grid_id
                 WHERE coalesce(g.community_id, s.community_id) <> ? ORDER BY s.id LIMIT 1""", rs -> rs.getInt(1), roomCommunity).orElseThrow();
        assertEquals(422, server.call("PATCH", "/api/service-projects/" + id).as(communityStaff).json(Map.of("station", foreign))
                .send().statusCode(), "a post of another community");

        JsonNode list = server.ok("/api/communities/" + roomCommunity + "/service-projects");
        assertEquals("四点半课堂", list.get("projects").get(0).get("name").asText());
        assertEquals("莲花路社区党员活动室", list.get("projects").get(0).get("station").get("name").asText());
        assertTrue(server.ok("/api/config").get("services").toString().contains("四点半课堂"));
        JsonNode nearest = server.ok("/api/nearest?lon=120.1431&lat=33.3961&mode=straight&service="
                + java.net.URLEncoder.encode("四点半课堂", StandardCharsets.UTF_8));
        assertEquals(1, nearest.get("stations").size(), nearest.toString());
        assertEquals(room, nearest.get("stations").get(0).get("id").asInt());

        assertEquals(204, server.call("DELETE", "/api/service-projects/" + id).as(communityStaff).send().statusCode());
        assertFalse(server.ok("/api/config").get("services").toString().contains("四点半课堂"));
    }
}
