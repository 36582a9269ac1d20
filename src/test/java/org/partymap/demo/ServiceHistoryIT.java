package org.partymap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.Config;
import org.partymap.auth.Role;
import org.partymap.booking.BookingService;
import org.partymap.booking.Slot;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.servicetime.OpeningHours;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.Invariants;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** The demo's month of service history over the generated district, at a fixed clock. Generated once for the class. */
class ServiceHistoryIT {

    /**
     * The digest of the history's rows at {@link #NOW} over the committed demo district, as it came out
     * on the machine it was written on. Change it only when the history generator or its phrases change
     * on purpose (the test prints the new one).
     */
    static final String DIGEST = "7bb9c9c27ded4cc5e119c8e375c98dff23598983150c0cd07e5ad509c191fdfd";

    /** A Wednesday, 10:20 in Yancheng: in service hours, so questions of the last hour are on the clock. */
    static final Instant NOW = OffsetDateTime.of(2026, 12, 2, 10, 20, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Config.Consult CONSULT = Config.Consult.fromEnv(Map.of());
    static final Config.Booking BOOKING = Config.Booking.fromEnv(Map.of());

    private static Database db;
    private static Path home;
    private static ServiceHistory.Result result;
    private static Map<String, String> rows;
    static final Config.Care CARE = Config.Care.fromEnv(Map.of());
    private static CareHistory.Counts care;

    @BeforeAll
    static void generate() {
        db = TestDatabase.fresh();
        home = TestDatabase.newHome("partymap-history");
        DemoDistrict.generate(db.dataSource(), Path.of("data"), home, false, null);
        result = ServiceHistory.write(db.dataSource(), Path.of("data"), CONSULT, BOOKING, CLOCK);
        rows = tableDigest();
        System.out.println("service history at " + NOW + ": " + result.describe() + "; digest " + result.digest());
        DemoResidents.importIfEmpty(db.dataSource(), home, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        care = CareHistory.write(db.dataSource(), Path.of("data"), CARE, CLOCK);
        System.out.println("care history at " + NOW + ": " + care.describe());
    }

    @AfterAll
    static void close() {
        db.close();
        TestDatabase.deleteTree(home);
    }

    private static long count(String sql, Object... params) {
        return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    @Test
    void aMonthOfQuestionsWeightedByHouseholdsMostlyInServiceHours() {
        long questions = count("SELECT count(*) FROM question");
        assertTrue(questions >= 1_500 && questions <= 3_000, questions + " questions");
        assertEquals(questions, result.questions().questions());
        assertEquals(0, count("SELECT count(*) FROM question WHERE asked_at > ? OR asked_at < ?", ts(NOW), ts(NOW.minus(Duration.ofDays(30)))),
                "asked in the month before now");
        double outOfHours = (double) count("SELECT count(*) FROM question WHERE clock_start > asked_at") / questions;
        assertTrue(outOfHours > 0.10 && outOfHours < 0.22, outOfHours + " asked out of hours");
        assertTrue(count("SELECT count(DISTINCT grid_id) FROM question") > 240, "nearly every grid asked (an office tower has few households)");
        double[] perGrid = Sql.list(db.dataSource(), """
                WITH h AS (SELECT grid_id, sum(households) AS households, ntile(10) OVER (ORDER BY sum(households)) AS tenth
                             FROM address GROUP BY grid_id)
                SELECT avg((SELECT count(*) FROM question q WHERE q.grid_id = h.grid_id)) FROM h WHERE tenth IN (1, 10)
                 GROUP BY tenth ORDER BY tenth""", rs -> rs.getDouble(1)).stream().mapToDouble(Double::doubleValue).toArray();
        assertTrue(perGrid[1] > 3 * perGrid[0], "the tenth of grids with most households ask " + perGrid[1] + " each, the tenth with "
                + "fewest " + perGrid[0]);
        assertTrue(count("SELECT count(*) FROM question WHERE phone IS NOT NULL AND phone !~ '^0515-0[0-9]{7}$'") == 0,
                "every phone is a fictitious Yancheng landline");
        double phones = (double) count("SELECT count(*) FROM question WHERE phone IS NOT NULL") / questions;
        assertTrue(phones > 0.4 && phones < 0.6, phones + " with a phone");
        assertTrue(count("SELECT count(*) FROM question WHERE body ~ '[一-龥]'") == questions, "every question is in Chinese");
        assertTrue(count("SELECT count(DISTINCT body) FROM question") > 400, "the templates vary");
    }

    @Test
    void everyTopicOfTheGridsIsAsked() {
        var topics = new TreeSet<>(Sql.list(db.dataSource(), "SELECT DISTINCT topic FROM question", rs -> rs.getString(1)));
        var expected = new TreeSet<>(Sql.list(db.dataSource(), "SELECT DISTINCT unnest(duties) FROM grid", rs -> rs.getString(1)));
        expected.addAll(List.of("政策咨询", "其他"));
        assertEquals(11, expected.size());
        assertEquals(expected, topics);
    }

    @Test
    void mostAreAnsweredInTimeSomeLateSomeEscalatedTransferredFollowedUpAndAFewWaitNow() {
        long questions = count("SELECT count(*) FROM question");
        long answered = count("SELECT count(*) FROM question WHERE first_answer_at IS NOT NULL");
        double inTime = (double) count("SELECT count(*) FROM question WHERE first_answer_service_seconds <= 900") / answered;
        assertTrue(inTime > 0.7 && inTime < 0.85, inTime + " answered within 15 service minutes");
        double late = (double) count("SELECT count(*) FROM question WHERE first_answer_service_seconds > 900") / answered;
        assertTrue(late > 0.15 && late < 0.27, late + " answered late");
        long toSubdistrict = count("SELECT count(*) FROM question WHERE escalation = 2");
        assertTrue(toSubdistrict > 0 && toSubdistrict < questions * 0.03, toSubdistrict + " escalated to the subdistrict");
        assertTrue(count("SELECT count(*) FROM question WHERE escalation = 1") > questions * 0.1, "escalated to the community");
        assertTrue(count("SELECT count(*) FROM question_event WHERE kind = 'transfer'") > 20, "transferred");
        assertEquals(0, count("""
                SELECT count(*) FROM question_event e JOIN question q ON q.id = e.question_id
                 WHERE e.kind = 'transfer' AND (e.to_grid_id <> q.grid_id OR e.from_grid_id = q.grid_id OR e.body IS NULL)"""),
                "a transfer brings the question to its grid, with a reason");
        assertTrue(count("SELECT count(DISTINCT question_id) FROM question_event WHERE kind = 'follow_up'") > questions * 0.05, "followed up");
        assertTrue(count("SELECT count(*) FROM question WHERE status = 'solved' AND solved") > questions * 0.6, "most solved");
        assertTrue(count("SELECT count(*) FROM question WHERE solved = false") > 0, "some not solved");
        long waitingNow = count("SELECT count(*) FROM question WHERE status = 'waiting' AND first_answer_at IS NULL AND asked_at > ?",
                ts(NOW.minus(Duration.ofHours(1))));
        assertTrue(waitingNow >= 8, waitingNow + " asked in the last hour and waiting");
        assertEquals(0, count("""
                SELECT count(*) FROM question q WHERE q.first_answer_at IS NULL AND q.escalation <>
                       CASE WHEN q.escalate_at <= ? THEN 2 WHEN q.due_at <= ? THEN 1 ELSE 0 END""", ts(NOW), ts(NOW)),
                "an unanswered question stands at the level its clock has reached, as the sweep leaves it");
        assertEquals(0, count("SELECT count(*) FROM question_event WHERE at > ?", ts(NOW)), "nothing happens after now");
    }

    @Test
    void everyQuestionsHistoryAgreesWithItsState() {
        List<String> broken = Invariants.questionsAgreeWithTheirHistory(db.dataSource());
        assertEquals(List.of(), broken);
        var clocks = new ArrayList<String>();
        for (Object[] q : Sql.list(db.dataSource(), """
                SELECT q.id, c.service_hours, q.asked_at, q.clock_start, q.due_at, q.escalate_at, q.first_answer_at, q.first_answer_service_seconds
                  FROM question q JOIN grid g ON g.id = q.grid_id JOIN community c ON c.id = g.community_id ORDER BY q.id""",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5), instant(rs, 6),
                        instant(rs, 7), rs.getObject(8)})) {
            OpeningHours hours = ServicePlaces.hours((String) q[1]);
            Instant start = (Instant) q[3];
            boolean right = start.equals(hours.nextOpening((Instant) q[2]))
                    && q[4].equals(hours.after(start, CONSULT.target())) && q[5].equals(hours.after(start, CONSULT.escalate()))
                    && (q[6] == null || ((Integer) q[7]).longValue() == hours.elapsed(start, (Instant) q[6]).toSeconds());
            if (!right) {
                clocks.add(q[0] + " " + java.util.Arrays.toString(q));
            }
        }
        assertEquals(List.of(), clocks, "clock start, due, second limit and first-answer service seconds as ConsultService computes them");
    }

    @Test
    void everyQuestionsPointLiesInItsGrid() {
        assertEquals(0, count("SELECT count(*) FROM question q JOIN grid g ON g.id = q.grid_id WHERE q.geom IS NULL OR NOT ST_Covers(g.geom, q.geom)"));
        assertEquals(0, count("""
                SELECT count(*) FROM question q WHERE q.place_text IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM address a WHERE a.full_address = q.place_text AND a.grid_id = q.grid_id)"""),
                "a typed place is an address of the grid");
    }

    @Test
    void bookingsFillNoSlotPastItsCapacityAndLieInThePostsHours() {
        long bookings = count("SELECT count(*) FROM booking");
        assertTrue(bookings >= 250 && bookings <= 300, bookings + " bookings");
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT 1 FROM booking WHERE status = 'booked' GROUP BY station_id, slot_start HAVING count(*) > ?) x""",
                BOOKING.capacity()));
        assertEquals(0, count("""
                SELECT count(*) FROM booking b JOIN station s ON s.id = b.station_id
                 WHERE s.kind NOT IN ('service_centre', 'grid_station') OR b.created_at >= b.slot_start OR b.created_at > ?
                    OR b.slot_start > b.created_at + interval '14 days' OR b.cancelled_at > least(b.slot_start, ?) OR b.cancelled_at < b.created_at""",
                ts(NOW), ts(NOW)));
        assertTrue(count("SELECT count(*) FROM booking WHERE status = 'cancelled'") > 10, "some cancelled");
        assertTrue(count("SELECT count(*) FROM booking WHERE slot_start > ?", ts(NOW)) > 30, "some ahead, for the staff lists");
        assertTrue(count("SELECT count(DISTINCT station_id) FROM booking s JOIN station t ON t.id = s.station_id WHERE t.kind = 'grid_station'") > 20);
        var outside = new ArrayList<String>();
        for (Object[] b : Sql.list(db.dataSource(), "SELECT b.id, s.hours, b.slot_start, b.slot_end FROM booking b JOIN station s ON s.id = b.station_id",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4)})) {
            Slot slot = new Slot((Instant) b[2], (Instant) b[3]);
            var day = slot.start().atZone(OpeningHours.ZONE).toLocalDate();
            if (!BookingService.slotsOn(OpeningHours.parse((String) b[1]), day, BOOKING.slot()).contains(slot)) {
                outside.add(b[0] + " " + b[1] + " " + slot);
            }
        }
        assertEquals(List.of(), outside, "every booking is a slot of its post's hours");
    }

    @Test
    void everyCommunityHasThreeToEightNoticesOfEveryKind() {
        assertEquals(0, count("""
                SELECT count(*) FROM community c
                 WHERE (SELECT count(*) FROM notice n WHERE n.community_id = c.id) NOT BETWEEN 3 AND 8
                    OR (SELECT count(DISTINCT kind) FROM notice n WHERE n.community_id = c.id) <> 3"""));
        assertEquals(0, count("SELECT count(*) FROM notice WHERE published_at > ? OR published_at < ? OR title ~ '[{}]' OR body ~ '[{}]'",
                ts(NOW), ts(NOW.minus(Duration.ofDays(31)))), "published in the month, every placeholder filled");
        assertTrue(count("SELECT count(*) FROM notice WHERE title = '停水通知'") > 0);
    }

    @Test
    void theSameSeedAndClockGiveTheSameRows() {
        assertNull(ServiceHistory.write(db.dataSource(), Path.of("data"), CONSULT, BOOKING, CLOCK), "a database with questions is left alone");
        // CASCADE: the demo's wishes may refer to questions
        Sql.update(db.dataSource(), "TRUNCATE " + String.join(", ", ServiceHistory.TABLES) + " RESTART IDENTITY CASCADE");
        var again = ServiceHistory.write(db.dataSource(), Path.of("data"), CONSULT, BOOKING, CLOCK);
        assertNotNull(again);
        assertEquals(result.digest(), again.digest());
        assertEquals(rows, tableDigest(), "the same rows, ids included");
        assertEquals(DIGEST, result.digest(), "the history differs from the committed digest: if the generator or its phrases changed on "
                + "purpose, put the new digest in ServiceHistoryIT.DIGEST; if not, something made it depend on the machine");
    }

    @Test
    void thePublicFiguresAndTheInboxAreNotEmpty() {
        TestAccounts.create(db, "h-admin", Role.ADMIN);
        try (var server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), CLOCK)) {
            long shown = 0;
            for (int community : Sql.list(db.dataSource(), "SELECT id FROM community ORDER BY id", rs -> rs.getInt(1))) {
                JsonNode figures = server.ok("/api/communities/" + community + "/consult-stats");
                JsonNode total = figures.get("total");
                if (!total.get("suppressed").asBoolean() && !total.get("median_minutes").isNull()) {
                    shown++;
                    double share = total.get("within_target_share").asDouble();
                    assertTrue(share > 0.5 && share <= 1, figures.toString());
                }
            }
            assertTrue(shown > 40, shown + " of 55 communities show their figures");
            var admin = server.login("h-admin");
            HttpResponse<String> inbox = server.call("GET", "/api/inbox?state=waiting").as(admin).send();
            assertEquals(200, inbox.statusCode(), inbox.body());
            assertTrue(TestServer.json(inbox).get("questions").size() >= 8, inbox.body());
            assertFalse(java.util.regex.Pattern.compile("0515-0[0-9]{7}").matcher(inbox.body()).find(), "phones masked in the list");
        }
    }

    @Test
    void aSeasonOfActivitiesAtEveryCentreWithStaffOnlyMeetingsProjectsAndSignUpsWithinTheSeats() {
        var counts = ActivityHistory.writeIfEmpty(db.dataSource(), Path.of("data"), CLOCK, null);
        assertNotNull(counts);
        assertNull(ActivityHistory.writeIfEmpty(db.dataSource(), Path.of("data"), CLOCK, null), "once");
        long communities = count("SELECT count(*) FROM community");
        assertEquals(communities, count("SELECT count(DISTINCT s.community_id) FROM activity a JOIN station s ON s.id = a.station_id "
                + "WHERE a.kind = 'party' AND a.rrule LIKE 'FREQ=WEEKLY%'"), "a weekly 党员活动日 at every community's centre");
        assertEquals(communities, count("SELECT count(*) FROM activity WHERE kind = 'opinion_meeting' AND NOT public AND rrule LIKE 'FREQ=MONTHLY%'"));
        assertEquals(communities, count("SELECT count(*) FROM activity WHERE kind = 'neighbourhood_festival' AND starts_at > ?", ts(NOW)));
        assertTrue(counts.projects() >= communities, counts.describe());
        assertTrue(counts.signups() > 100, counts.describe());
        assertEquals(0, count("SELECT count(*) FROM (SELECT a.id, s.occurrence_start, count(*) AS taken, a.capacity"
                + " FROM activity_signup s JOIN activity a ON a.id = s.activity_id WHERE s.cancelled_at IS NULL"
                + " GROUP BY a.id, s.occurrence_start, a.capacity) o WHERE o.taken > o.capacity OR o.occurrence_start <= ?", ts(NOW)),
                "sign-ups within the seats, for coming occurrences");
        assertEquals(0, count("SELECT count(*) FROM activity_signup s JOIN activity a ON a.id = s.activity_id WHERE NOT a.public"));
        try (TestServer server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), CLOCK)) {
            int community = (int) count("SELECT min(id) FROM community");
            var calendar = server.ok("/api/communities/" + community + "/activities");
            assertTrue(calendar.get("occurrences").size() >= 4, calendar.toString());
            assertFalse(calendar.toString().contains("民情分析会"), "staff-only meetings stay off the public calendar");
            assertTrue(server.ok("/api/communities/" + community + "/service-projects").get("projects").size() >= 1);
        }
    }

    @Test
    void monthsOfWishesForCareResidentsMostlyFulfilledAndAWallThatNamesNoOne() {
        // over the demo's register (imported for the class): its care residents are whom the wishes are for
        var counts = WishHistory.writeIfEmpty(db.dataSource(), Path.of("data"), CLOCK, null);
        assertNotNull(counts);
        assertNull(WishHistory.writeIfEmpty(db.dataSource(), Path.of("data"), CLOCK, null), "once");
        long communities = count("SELECT count(*) FROM community");
        assertEquals(communities, count("SELECT count(DISTINCT g.community_id) FROM wish w JOIN grid g ON g.id = w.grid_id"), "wishes in every community");
        assertTrue(counts.wishes() >= 8 * communities && counts.fulfilled() > counts.wishes() / 2, counts.describe());
        for (String status : List.of("open", "claimed", "fulfilled", "withdrawn")) {
            assertTrue(count("SELECT count(*) FROM wish WHERE status = ?", status) > 0, status);
        }
        assertEquals(List.of(), org.partymap.testing.Invariants.wishesKeepOneClaimant(db.dataSource()));
        assertEquals(0, count("SELECT count(*) FROM wish WHERE greatest(posted_at, claimed_at, fulfilled_at, withdrawn_at) > ?", ts(NOW)), "nothing after now");
        assertEquals(0, count("SELECT count(*) FROM wish WHERE status = 'open' AND due_on < ?", NOW.atZone(ZoneOffset.ofHours(8)).toLocalDate()),
                "no open wish is overdue on the day");
        assertTrue(count("SELECT count(*) FROM wish WHERE claimant_party_group_id IS NOT NULL") > counts.wishes() / 3, "mostly party members claim");
        try (TestServer server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), CLOCK)) {
            int community = (int) count("SELECT min(id) FROM community");
            String wall = server.get("/api/communities/" + community + "/wishes").body();
            var figures = TestServer.json(server.get("/api/communities/" + community + "/wishes")).get("figures");
            assertTrue(figures.get("fulfilled").asInt() > 0 && figures.get("median_days_to_fulfil").asDouble() > 0, figures.toString());
            assertTrue(wall.contains("党小组党员"), "party members' claims show their group");
            var names = Sql.list(db.dataSource(), "SELECT claimant_name FROM wish WHERE claimant_name IS NOT NULL UNION "
                    + "SELECT r.name FROM resident r JOIN grid g ON g.id = r.grid_id WHERE g.community_id = ? AND length(r.name) >= 2 UNION "
                    + "SELECT r.phone FROM resident r JOIN grid g ON g.id = r.grid_id WHERE g.community_id = ? AND r.phone IS NOT NULL UNION "
                    + "SELECT claimant_phone FROM wish WHERE claimant_phone IS NOT NULL", rs -> rs.getString(1), community, community);
            assertTrue(names.size() > 100, "people to look for");
            assertEquals(List.of(), names.stream().filter(wall::contains).toList(), "the wall names no one");
        }
    }

    private static java.sql.Timestamp ts(Instant t) {
        return java.sql.Timestamp.from(t);
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Test
    void theLastMonthsOfVisitsMostlyOnTimeSomeOverdueAFewNeverEachInItsResidentsHousehold() {
        long visits = count("SELECT count(*) FROM care_visit");
        assertEquals(care.visits(), visits);
        assertTrue(care.households() > 3_000, care.households() + " care households");
        assertTrue(visits > 2 * care.households(), visits + " visits to " + care.households() + " households");
        double overdue = (double) care.overdue() / care.households();
        assertTrue(overdue > 0.15 && overdue < 0.4, overdue + " overdue now");
        double never = (double) care.neverVisited() / care.households();
        assertTrue(never > 0.02 && never < 0.1, never + " never visited");
        assertTrue(care.seconds() < 10, care.seconds() + " s to write");
        assertEquals(List.of(), Invariants.visitsSitInTheirHouseholds(db.dataSource()));
        assertEquals(0, count("SELECT count(*) FROM care_visit WHERE visited_on > '2026-12-02' OR visited_on < '2026-08-04'"),
                "visited in the 120 days up to today");
        assertEquals(0, count("SELECT count(*) FROM care_visit WHERE note !~ '[一-龥]' OR needs !~ '[一-龥]'"), "notes and needs in Chinese");
        long kinds = count("SELECT count(DISTINCT kind) FROM care_visit");
        assertEquals(3, kinds);
        assertTrue(count("SELECT count(*) FROM care_visit WHERE needs IS NOT NULL") > visits / 20, "some visits raise a need");
        assertNull(CareHistory.write(db.dataSource(), Path.of("data"), CARE, CLOCK), "a database with visits is left alone");

        TestAccounts.create(db, "care-admin", Role.ADMIN);
        try (var server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"), CLOCK)) {
            var admin = server.login("care-admin");
            int subdistrict = Sql.one(db.dataSource(), "SELECT id FROM subdistrict ORDER BY code LIMIT 1", rs -> rs.getInt(1)).orElseThrow();
            HttpResponse<String> r = server.call("GET", "/api/care/coverage?subdistrict=" + subdistrict).as(admin).send();
            assertEquals(200, r.statusCode(), r.body());
            JsonNode total = TestServer.json(r).get("total");
            double onTime = total.get("share_on_time").asDouble();
            assertTrue(onTime > 0.55 && onTime < 0.85, total.toString());
            HttpResponse<String> all = server.call("GET", "/api/care/households?limit=500").as(admin).send();
            assertEquals(200, all.statusCode(), all.body());
            assertEquals(care.households(), TestServer.json(all).get("total").asInt(), "the API counts the households the history visited");
        }
    }

    @Test
    void theSameResidentsAndClockGiveTheSameVisits() {
        String before = Sql.text(db.dataSource(), "SELECT md5(string_agg(to_jsonb(v)::text, E'\\n' ORDER BY v.id)) FROM care_visit v").orElseThrow();
        Sql.update(db.dataSource(), "TRUNCATE care_visit RESTART IDENTITY");
        var again = CareHistory.write(db.dataSource(), Path.of("data"), CARE, CLOCK);
        assertNotNull(again);
        assertEquals(care.visits(), again.visits());
        assertEquals(before, Sql.text(db.dataSource(), "SELECT md5(string_agg(to_jsonb(v)::text, E'\\n' ORDER BY v.id)) FROM care_visit v")
                .orElseThrow());
    }

    private static Map<String, String> tableDigest() {
        var out = new TreeMap<String, String>();
        for (String table : ServiceHistory.TABLES) {
            out.put(table, Sql.one(db.dataSource(), "SELECT md5(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY t.id)) FROM " + table + " t",
                    rs -> rs.getString(1)).orElse(""));
        }
        return out;
    }
}
