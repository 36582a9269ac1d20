package org.partymap.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * 预约办事 against the real server and database, at a clock the tests set: Monday 2026-12-07,
 * 09:00 in Shanghai. Each test starts with no bookings and ends by checking that no slot holds
 * more booked seats than it has.
 */
class BookingIT {

    private static final String MONDAY_9 = "2026-12-07T09:00";
    private static final String LUNCH_HOURS = "周一至周五 8:30-12:00 14:00-17:30；周六 9:00-12:00";
    private static final String PHONE = "13912345678";
    private static final String NAME = "预约甲";
    private static final String PURPOSE = "办理居住证明";

    private static Database db;
    private static TestServer server;
    private static final MutableClock clock = MutableClock.at(MONDAY_9);
    /** 测试中心: a 党群服务中心 in grid 1 with a lunch break and Saturday mornings. */
    private static int centre;
    /** 健康路社区服务点: a post of the 健康路 community as a whole (no grid). */
    private static int communityPost;
    private static int unreadable;
    private static int activityRoom;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.loadOtherSubdistrict(db);
        int grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
        int healthCommunity = Fixtures.id(db, "community", Fixtures.GRID_3.substring(0, 12));
        centre = station("测试中心", "service_centre", LUNCH_HOURS, grid1, null);
        communityPost = station("健康路社区服务点", "service_centre", "工作日 9:00-17:00", null, healthCommunity);
        unreadable = station("乱写驿站", "grid_station", "随时来，节假日除外", grid1, null);
        activityRoom = Sql.one(db.dataSource(), "SELECT id FROM station WHERE kind = 'activity_room' ORDER BY id LIMIT 1",
                rs -> rs.getInt(1)).orElseThrow();
        TestAccounts.create(db, "worker1", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "worker3", Role.GRID_WORKER, Fixtures.GRID_3);
        TestAccounts.create(db, "health-staff", Role.GRID_WORKER, Fixtures.GRID_3.substring(0, 12));
        TestAccounts.create(db, "planner1", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "planner2", Role.PLANNER, Fixtures.OTHER_SUBDISTRICT);
        TestAccounts.create(db, "admin1", Role.ADMIN);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), clock);
    }

    private static int station(String name, String kind, String hours, Integer grid, Integer community) {
        return Sql.one(db.dataSource(), """
                INSERT INTO station (kind, name, address, hours, phone, grid_id, community_id, geom)
                VALUES (?, ?, '测试地址1号', ?, '0515-00090099', ?, coalesce(?, (SELECT community_id FROM grid WHERE id = ?)),
                        ST_SetSRID(ST_MakePoint(120.1455, 33.3855), 4326))
                RETURNING id""", rs -> rs.getInt(1), kind, name, hours, grid, community, grid).orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @BeforeEach
    void noBookingsAtMondayNine() {
        Sql.update(db.dataSource(), "DELETE FROM booking");
        clock.set(MutableClock.at(MONDAY_9).instant());
    }

    @AfterEach
    void noSlotHoldsMoreBookedSeatsThanItHas() {
        assertOverbooked(2);
    }

    private static void assertOverbooked(int capacity) {
        var over = Sql.list(db.dataSource(), """
                SELECT station_id || ' ' || slot_start || ': ' || count(*) FROM booking WHERE status = 'booked'
                 GROUP BY station_id, slot_start HAVING count(*) > ?""", rs -> rs.getString(1), capacity);
        assertEquals(List.of(), over, "slots with more booked seats than " + capacity);
    }

    private static long bookings() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM booking", rs -> rs.getLong(1)).orElseThrow();
    }

    private static Map<String, Object> body(int station, String start, String phone) {
        var body = new LinkedHashMap<String, Object>();
        body.put("station", station);
        body.put("start", start);
        body.put("phone", phone);
        body.put("name", NAME);
        body.put("purpose", PURPOSE);
        return body;
    }

    private static HttpResponse<String> book(TestServer s, Object body) {
        return s.call("POST", "/api/bookings").json(body).send();
    }

    private static JsonNode booked(int station, String start, String phone) {
        HttpResponse<String> r = book(server, body(station, start, phone));
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.json(r);
    }

    private static HttpResponse<String> withToken(String method, String path, String token) {
        var call = server.call(method, path);
        if (token != null) {
            call.header("Authorization", "Bearer " + token);
        }
        return call.send();
    }

    private static JsonNode slots(String query) {
        return server.ok("/api/stations/" + centre + "/slots" + query);
    }

    private static JsonNode slotAt(String query, String start) {
        for (JsonNode slot : slots(query).get("slots")) {
            if (slot.get("start").asText().equals(start)) {
                return slot;
            }
        }
        throw new AssertionError("no slot at " + start);
    }

    @Test
    void slotsFollowTheHoursSkippingLunchTheNightAndSunday() {
        JsonNode answer = slots("?from=2026-12-07&days=7");
        assertEquals(30, answer.get("slot_minutes").asInt());
        assertEquals(List.of("address", "hours", "id", "name"), fieldNames(answer.get("station")));
        assertEquals(LUNCH_HOURS, answer.at("/station/hours").asText());
        var starts = new ArrayList<String>();
        answer.get("slots").forEach(s -> starts.add(s.get("start").asText()));
        // Monday from 09:30 (08:30 and 09:00 have started), Tuesday to Friday 14 each, Saturday 6, Sunday none
        assertEquals(5 + 7 + 4 * 14 + 6, starts.size(), starts.toString());
        assertEquals("2026-12-07T09:30:00+08:00", starts.get(0));
        assertTrue(starts.contains("2026-12-07T11:30:00+08:00"));
        assertFalse(starts.contains("2026-12-07T12:00:00+08:00"), "no slot in the lunch break");
        assertTrue(starts.contains("2026-12-07T14:00:00+08:00"));
        assertTrue(starts.contains("2026-12-07T17:00:00+08:00"));
        assertFalse(starts.contains("2026-12-07T17:30:00+08:00"), "no slot past closing");
        assertTrue(starts.contains("2026-12-12T11:30:00+08:00"));
        assertFalse(starts.contains("2026-12-12T14:00:00+08:00"), "Saturday has only the morning");
        assertFalse(starts.stream().anyMatch(s -> s.startsWith("2026-12-13")), "Sunday is closed");
        JsonNode first = answer.get("slots").get(0);
        assertEquals("2026-12-07T10:00:00+08:00", first.get("end").asText());
        assertEquals(2, first.get("capacity").asInt());
        assertEquals(2, first.get("remaining").asInt());
    }

    @Test
    void theWindowIsFourteenDaysFromNowAndBadDaysAreRefused() {
        // 12-07 to 12-20: ten weekdays of 14 slots less Monday's two started ones, two Saturdays of 6
        assertEquals(10 * 14 - 2 + 2 * 6, slots("?days=14").get("slots").size());
        // the fifteenth day: up to 14 days from now (Monday 12-21 09:00), so 08:30 and 09:00 only
        var edge = slots("?from=2026-12-21&days=1").get("slots");
        assertEquals(2, edge.size(), edge.toString());
        assertEquals("2026-12-21T09:00:00+08:00", edge.get(1).get("start").asText());
        clock.advance(Duration.ofHours(9)); // Monday 18:00: today has nothing left
        assertEquals(0, slots("?from=2026-12-07&days=1").get("slots").size());
        for (String query : List.of("?from=2026-12-06", "?from=2026-12-23", "?from=12/08/2026", "?from=2026-02-30",
                "?days=0", "?days=15", "?days=two", "?from=2026-12-07&from=2026-12-08")) {
            server.problem("/api/stations/" + centre + "/slots" + query, 400);
        }
        server.problem("/api/stations/999999/slots", 404);
        server.problem("/api/stations/abc/slots", 400);
    }

    @Test
    void postsThatTakeNoBookingsOrWhoseHoursCannotBeReadSayWhyWithoutAServerError() {
        assertTrue(server.problem("/api/stations/" + unreadable + "/slots", 409).get("detail").asText().contains("随时来"));
        assertTrue(server.problem("/api/stations/" + activityRoom + "/slots", 409).get("type").asText().endsWith("not-bookable"));
        assertEquals(409, book(server, body(unreadable, "2026-12-08T10:00:00+08:00", PHONE)).statusCode());
        assertEquals(409, book(server, body(activityRoom, "2026-12-08T14:00:00+08:00", PHONE)).statusCode());
        assertEquals(0, bookings());
    }

    @Test
    void aBookingAnswersItsPrivateLinkAndTheLinkOpensItWithThePhoneMasked() {
        JsonNode made = booked(centre, "2026-12-08T10:00:00+08:00", PHONE);
        String token = made.get("token").asText();
        assertEquals("/booking.html#t=" + token, made.get("link").asText());
        assertEquals("booked", made.at("/booking/status").asText());
        assertEquals("139****5678", made.at("/booking/phone_masked").asText());
        assertFalse(made.toString().contains(PHONE));
        String stored = Sql.one(db.dataSource(), "SELECT token_hash FROM booking", rs -> rs.getString(1)).orElseThrow();
        assertEquals(org.partymap.auth.LinkToken.hash(token), stored);
        assertFalse(stored.contains(token));

        HttpResponse<String> r = withToken("GET", "/api/bookings/mine", token);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        JsonNode mine = TestServer.json(r);
        assertEquals(made.get("booking"), mine);
        assertEquals("2026-12-08T10:00:00+08:00", mine.get("start").asText());
        assertEquals("2026-12-08T10:30:00+08:00", mine.get("end").asText());
        assertEquals(PURPOSE, mine.get("purpose").asText());
        assertEquals("测试中心", mine.at("/station/name").asText());
        assertTrue(mine.get("cancellable").asBoolean());
    }

    @Test
    void aFullSlotIsRefusedAndCancellingFreesTheSeatOnce() {
        String start = "2026-12-08T10:00:00+08:00";
        String first = booked(centre, start, "13900000001").get("token").asText();
        booked(centre, start, "13900000002");
        assertEquals(0, slotAt("?from=2026-12-08&days=1", start).get("remaining").asInt());
        HttpResponse<String> full = book(server, body(centre, start, "13900000003"));
        assertEquals(409, full.statusCode());
        assertTrue(full.body().contains("slot-full"), full.body());
        assertEquals(201, book(server, body(centre, "2026-12-08T10:30:00+08:00", "13900000001")).statusCode(),
                "another slot is open to the same phone");

        HttpResponse<String> cancelled = withToken("POST", "/api/bookings/mine/cancel", first);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        JsonNode state = TestServer.json(cancelled);
        assertEquals("cancelled", state.get("status").asText());
        assertFalse(state.get("cancellable").asBoolean());
        assertEquals("2026-12-07T09:00:00+08:00", state.get("cancelled_at").asText());
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> again = withToken("POST", "/api/bookings/mine/cancel", first);
        assertEquals(200, again.statusCode());
        assertEquals(state, TestServer.json(again), "cancelling twice answers the same state");
        assertEquals(1, slotAt("?from=2026-12-08&days=1", start).get("remaining").asInt());
        booked(centre, start, "13900000003");
        assertEquals(409, book(server, body(centre, start, "13900000004")).statusCode());
    }

    @Test
    void theSamePhoneHoldsOneSeatOfASlot() {
        String start = "2026-12-09T09:00:00+08:00";
        booked(centre, start, PHONE);
        HttpResponse<String> twice = book(server, body(centre, start, "139 1234 5678"));
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("already-booked"), twice.body());
        assertEquals(1, bookings());
    }

    @Test
    void aSlotThatHasStartedCanNeitherBeBookedNorCancelled() {
        String token = booked(centre, "2026-12-07T10:00:00+08:00", PHONE).get("token").asText();
        clock.set(MutableClock.at("2026-12-07T10:00").instant());
        HttpResponse<String> late = withToken("POST", "/api/bookings/mine/cancel", token);
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.body().contains("slot-started"));
        JsonNode mine = TestServer.json(withToken("GET", "/api/bookings/mine", token));
        assertEquals("booked", mine.get("status").asText());
        assertFalse(mine.get("cancellable").asBoolean());
        assertEquals(409, book(server, body(centre, "2026-12-07T10:00:00+08:00", "13900000009")).statusCode());
        assertEquals(1, bookings());
    }

    @Test
    void theLinkTokenIsRequiredWellFormedAndKnown() {
        booked(centre, "2026-12-08T10:00:00+08:00", PHONE);
        for (String method : List.of("GET", "POST")) {
            String path = method.equals("GET") ? "/api/bookings/mine" : "/api/bookings/mine/cancel";
            assertEquals(401, withToken(method, path, null).statusCode(), path);
            assertEquals(401, withToken(method, path, "short").statusCode(), path);
            assertEquals(401, withToken(method, path, "' OR 1=1 --").statusCode(), path);
            assertEquals(404, withToken(method, path, "AAAAAAAAAAAAAAAAAAAAAA").statusCode(), path);
        }
        assertEquals("booked", Sql.one(db.dataSource(), "SELECT status FROM booking", rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void everyBadBookingIsRefusedWithAProblemAndStoresNothing() {
        String slot = "2026-12-08T10:00:00+08:00";
        var cases = new LinkedHashMap<String, Object>();
        cases.put("not JSON", "{station: 1");
        cases.put("an array", "[]");
        cases.put("an unknown member", with(body(centre, slot, PHONE), "status", "booked"));
        cases.put("no phone", with(body(centre, slot, PHONE), "phone", null));
        cases.put("a short phone", with(body(centre, slot, PHONE), "phone", "12345"));
        cases.put("a phone of twelve digits", with(body(centre, slot, PHONE), "phone", "139123456789"));
        cases.put("a phone of 12x", with(body(centre, slot, PHONE), "phone", "12912345678"));
        cases.put("a phone as a number", with(body(centre, slot, PHONE), "phone", 13912345678L));
        cases.put("no purpose", with(body(centre, slot, PHONE), "purpose", null));
        cases.put("a blank purpose", with(body(centre, slot, PHONE), "purpose", "   "));
        cases.put("a purpose with a link", with(body(centre, slot, PHONE), "purpose", "详见 www.example.com"));
        cases.put("a purpose with markup", with(body(centre, slot, PHONE), "purpose", "<script>alert(1)</script>"));
        cases.put("a purpose of 201 characters", with(body(centre, slot, PHONE), "purpose", "办".repeat(201)));
        cases.put("a name of 33 characters", with(body(centre, slot, PHONE), "name", "名".repeat(33)));
        cases.put("a name with a control character", with(body(centre, slot, PHONE), "name", "甲\u0007"));
        cases.put("a station as text", with(body(centre, slot, PHONE), "station", "测试中心"));
        cases.put("a fractional station", with(body(centre, slot, PHONE), "station", 1.5));
        cases.put("station 0", with(body(centre, slot, PHONE), "station", 0));
        cases.put("no such station", with(body(centre, slot, PHONE), "station", 999999));
        cases.put("a start that is not a time", with(body(centre, slot, PHONE), "start", "明天上午"));
        cases.put("a start without offset", with(body(centre, slot, PHONE), "start", "2026-12-08T10:00:00"));
        cases.put("a start off the slots", with(body(centre, slot, PHONE), "start", "2026-12-08T10:15:00+08:00"));
        cases.put("a start in the lunch break", with(body(centre, slot, PHONE), "start", "2026-12-08T12:30:00+08:00"));
        cases.put("a start on Sunday", with(body(centre, slot, PHONE), "start", "2026-12-13T10:00:00+08:00"));
        cases.put("a start in the past", with(body(centre, slot, PHONE), "start", "2026-12-04T10:00:00+08:00"));
        cases.put("a start beyond two weeks", with(body(centre, slot, PHONE), "start", "2026-12-22T10:00:00+08:00"));
        var wrong = new ArrayList<String>();
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = book(server, c.getValue());
            boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !problem) {
                wrong.add(c.getKey() + ": " + r.statusCode() + " " + r.body());
            }
        }
        HttpResponse<String> text = server.call("POST", "/api/bookings").body("station=1".getBytes(), "application/x-www-form-urlencoded").send();
        if (text.statusCode() != 415) {
            wrong.add("a form body: " + text.statusCode());
        }
        if (!wrong.isEmpty()) {
            fail(String.join("\n", wrong));
        }
        assertEquals(0, bookings());
        assertEquals(201, book(server, with(body(centre, slot, PHONE), "name", null)).statusCode(), "the name is optional");
    }

    @Test
    void aLandlineOrAMobileWithSpacesIsTakenAndStoredInOneForm() {
        booked(centre, "2026-12-08T10:00:00+08:00", "0515-88886666");
        booked(centre, "2026-12-08T10:30:00+08:00", "139 0000 1111");
        assertEquals(201, book(server, with(body(centre, "2026-12-08T11:00:00+08:00", "１３９-０００２-１１１１"), "name",
                "'); DELETE FROM booking; --")).statusCode());
        assertEquals(List.of("0515-88886666", "13900001111", "13900021111"),
                Sql.list(db.dataSource(), "SELECT phone FROM booking ORDER BY slot_start", rs -> rs.getString(1)));
        assertEquals("'); DELETE FROM booking; --", Sql.one(db.dataSource(), "SELECT name FROM booking WHERE phone = '13900021111'",
                rs -> rs.getString(1)).orElseThrow(), "SQL metacharacters are text like any other");
    }

    @Test
    void theLastSeatsOfASlotGoToExactlyAsManyOfEightResidentsBookingAtOnce() throws Exception {
        String start = "2026-12-10T15:00:00+08:00";
        int threads = 8;
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var statuses = new ConcurrentLinkedQueue<Integer>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                String phone = "1390000100" + i;
                pool.submit(() -> {
                    try {
                        ready.countDown();
                        go.await();
                        statuses.add(book(server, body(centre, start, phone)).statusCode());
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "bookings did not finish");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(6, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(2, bookings());
    }

    @Test
    void slotLengthAndCapacityComeFromTheConfiguration() {
        try (TestServer other = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0", "PARTYMAP_BOOKING_SLOT_MINUTES", "20",
                "PARTYMAP_BOOKING_CAPACITY", "3"), clock)) {
            JsonNode answer = TestServer.json(other.get("/api/stations/" + centre + "/slots?days=1"));
            assertEquals(20, answer.get("slot_minutes").asInt());
            JsonNode first = answer.get("slots").get(0);
            assertEquals("2026-12-07T09:10:00+08:00", first.get("start").asText(), "08:30, 08:50, then 09:10");
            assertEquals(3, first.get("capacity").asInt());
            String start = "2026-12-08T09:10:00+08:00";
            for (int i = 0; i < 3; i++) {
                assertEquals(201, book(other, body(centre, start, "1390000200" + i)).statusCode());
            }
            assertEquals(409, book(other, body(centre, start, "13900002009")).statusCode());
            assertOverbooked(3);
            assertEquals(422, book(server, body(centre, start, "13900002008")).statusCode(), "09:10 is no slot of 30 minutes");
        }
        Sql.update(db.dataSource(), "DELETE FROM booking");
    }

    @Test
    void aClientBookingFasterThanOnceASecondIsThrottledBeforeAnythingIsRead() {
        try (TestServer limited = TestServer.start(db, Map.of(), clock)) {
            var statuses = new ArrayList<Integer>();
            for (int i = 0; i < 10; i++) {
                statuses.add(book(limited, with(body(centre, "2026-12-08T10:00:00+08:00", PHONE), "phone", "bad")).statusCode());
            }
            assertEquals(400, statuses.get(0), statuses.toString());
            assertTrue(statuses.contains(429), "ten bookings at once from one address: " + statuses);
        }
        assertEquals(0, bookings());
    }

    @Test
    void thePublicSlotsTellNoOnesNamePhoneOrPurpose() {
        booked(centre, "2026-12-08T10:00:00+08:00", PHONE);
        String body = server.get("/api/stations/" + centre + "/slots?from=2026-12-08&days=1").body();
        for (String secret : List.of(PHONE, "5678", NAME, PURPOSE)) {
            assertFalse(body.contains(secret), secret + " in " + body);
        }
        assertEquals(1, slotAt("?from=2026-12-08&days=1", "2026-12-08T10:00:00+08:00").get("remaining").asInt());
    }

    @Test
    void staffSeeTheBookingsOfThePostsTheyServeWithPhonesMaskedAndEachListAudited() {
        booked(centre, "2026-12-08T10:00:00+08:00", PHONE);
        booked(communityPost, "2026-12-08T10:00:00+08:00", "13800001111");
        String centreList = "/api/bookings?station=" + centre + "&date=2026-12-08";
        String communityList = "/api/bookings?station=" + communityPost + "&date=2026-12-08";
        long audited = auditedLists();

        assertEquals(401, server.get(centreList).statusCode());
        var expected = new LinkedHashMap<String, int[]>();
        //                              centre (grid 1) community-level post of 健康路
        expected.put("worker1", new int[] {200, 404});
        expected.put("worker3", new int[] {404, 404});
        expected.put("health-staff", new int[] {404, 200});
        expected.put("planner1", new int[] {200, 200});
        expected.put("planner2", new int[] {404, 404});
        expected.put("admin1", new int[] {200, 200});
        var wrong = new ArrayList<String>();
        int ok = 0;
        for (var e : expected.entrySet()) {
            Session session = server.login(e.getKey());
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = server.call("GET", i == 0 ? centreList : communityList).as(session).send();
                if (r.statusCode() != e.getValue()[i]) {
                    wrong.add(e.getKey() + " on " + (i == 0 ? "the centre" : "the community post") + ": " + r.statusCode());
                }
                if (r.statusCode() == 200) {
                    ok++;
                    assertFalse(r.body().contains(PHONE) || r.body().contains("13800001111"), r.body());
                    JsonNode list = TestServer.json(r);
                    assertEquals(1, list.get("bookings").size(), r.body());
                    assertEquals("2026-12-08", list.get("date").asText());
                    JsonNode line = list.get("bookings").get(0);
                    assertTrue(line.get("phone_masked").asText().contains("****"), r.body());
                    assertEquals(NAME, line.get("name").asText());
                    assertEquals("booked", line.get("status").asText());
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(audited + ok, auditedLists(), "each list that was answered is in the audit log");

        Session worker = server.login("worker1");
        JsonNode otherDay = TestServer.json(server.call("GET", "/api/bookings?station=" + centre + "&date=2026-12-09").as(worker).send());
        assertEquals(0, otherDay.get("bookings").size());
        assertEquals(400, server.call("GET", "/api/bookings").as(worker).send().statusCode());
        assertEquals(400, server.call("GET", "/api/bookings?station=" + centre + "&date=tomorrow").as(worker).send().statusCode());
    }

    private static long auditedLists() {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = 'booking_list'", rs -> rs.getLong(1)).orElseThrow();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        var copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
