package org.partymap.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.partymap.Config;
import org.partymap.db.CopyRows;
import org.partymap.servicetime.OpeningHours;

/**
 * A month of 社区通 questions as the consult service would have recorded them: asked mostly in
 * service hours, some in the evening or at the weekend (their clock starts at the next opening),
 * most answered within the target, some late and so escalated to the community at their due time
 * and a few to the subdistrict at the second limit, some transferred from a neighbouring grid,
 * some followed up, most marked solved, and a few asked in the last hour and still waiting. Each
 * question's row is what its events leave behind, by the service's rules ({@code ConsultService}).
 */
final class QuestionHistory {

    static final Duration MONTH = Duration.ofDays(30);
    /** One question a month for so many households, within the bounds below. */
    private static final int HOUSEHOLDS_PER_QUESTION = 50;
    private static final int MIN = 1_500;
    private static final int MAX = 3_000;
    private static final double OUT_OF_HOURS = 0.15;
    private static final double LATE = 0.19;
    private static final double PAST_SECOND_LIMIT = 0.01;
    private static final double TRANSFERRED = 0.04;
    private static final double FOLLOWED_UP = 0.10;
    private static final double SOLVED = 0.72;
    private static final double NOT_SOLVED = 0.04;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** What was made, for the log line and the tests. */
    record Counts(int questions, int events, int outOfHours, int late, int escalated1, int escalated2, int transferred,
                  int followedUp, int solved, int waiting) {
    }

    private record Event(Instant at, String kind, String author, String body, Integer from, Integer to, Integer escalation) {
    }

    private record Asked(ServicePlaces.Grid grid, Instant at, boolean waitingNow) {
    }

    private final ServicePlaces places;
    private final ServicePhrases phrases;
    private final Config.Consult settings;
    private final SplittableRandom rnd;
    private final long seed;
    private final Instant now;

    final CopyRows questionRows = new CopyRows();
    final CopyRows eventRows = new CopyRows();
    private int events;
    private int outOfHours;
    private int late;
    private int escalated1;
    private int escalated2;
    private int transferred;
    private int followedUp;
    private int solved;
    private int waiting;

    QuestionHistory(ServicePlaces places, ServicePhrases phrases, Config.Consult settings, SplittableRandom rnd, long seed,
                    Instant now) {
        this.places = places;
        this.phrases = phrases;
        this.settings = settings;
        this.rnd = rnd;
        this.seed = seed;
        this.now = now;
    }

    /** Builds the rows; ids from {@code firstId}, {@code firstEventId} on, in the order asked. */
    Counts build(long firstId, long firstEventId) {
        List<ServicePlaces.Grid> grids = places.grids.values().stream().filter(g -> !g.addresses.isEmpty()).toList();
        long households = grids.stream().mapToLong(g -> g.households).sum();
        int n = (int) Math.max(MIN, Math.min(MAX, Math.round((double) households / HOUSEHOLDS_PER_QUESTION)));
        double[] cumulative = new double[grids.size()];
        double sum = 0;
        for (int i = 0; i < grids.size(); i++) {
            sum += Math.max(1, grids.get(i).households);
            cumulative[i] = sum;
        }
        var asked = new ArrayList<Asked>();
        for (int i = 0; i < n; i++) {
            var g = grids.get(index(cumulative, rnd.nextDouble(sum)));
            asked.add(new Asked(g, askedAt(g.community.hours()), false));
        }
        int waitingNow = 8 + rnd.nextInt(8);
        for (int i = 0; i < waitingNow; i++) {
            var g = i < places.workerGrids.size() ? places.grids.get(places.workerGrids.get(i))
                    : grids.get(index(cumulative, rnd.nextDouble(sum)));
            asked.add(new Asked(g, now.minusSeconds(60 + rnd.nextInt(58 * 60)), true));
        }
        asked.sort(Comparator.comparing(Asked::at));
        long eventId = firstEventId;
        for (int i = 0; i < asked.size(); i++) {
            eventId = question(firstId + i, asked.get(i), eventId);
        }
        return new Counts(asked.size(), events, outOfHours, late, escalated1, escalated2, transferred, followedUp, solved, waiting);
    }

    /** A time in the month before the last hour: in service hours, or (a share) in a waking hour out of them. */
    private Instant askedAt(OpeningHours hours) {
        Instant earliest = now.minus(MONTH);
        Instant latest = now.minus(Duration.ofHours(1));
        LocalDate today = now.atZone(OpeningHours.ZONE).toLocalDate();
        boolean open = rnd.nextDouble() >= OUT_OF_HOURS;
        while (true) {
            Instant t;
            if (open) {
                LocalDate day = today.minusDays(rnd.nextInt(31));
                var intervals = hours.on(day.getDayOfWeek());
                if (intervals.isEmpty()) {
                    continue;
                }
                var iv = intervals.get(rnd.nextInt(intervals.size()));
                Instant start = ZonedDateTime.of(day, iv.start(), OpeningHours.ZONE).toInstant();
                long length = Duration.between(iv.start(), iv.end()).toSeconds();
                t = start.plusSeconds(rnd.nextLong(Math.max(1, length)));
            } else {
                t = earliest.plusSeconds(rnd.nextLong(MONTH.toSeconds()));
                int hour = t.atZone(OpeningHours.ZONE).getHour();
                if (hours.isOpen(t) || hour < 7 || hour >= 23) {
                    continue;
                }
            }
            if (t.isAfter(earliest) && t.isBefore(latest)) {
                return t.truncatedTo(ChronoUnit.SECONDS);
            }
        }
    }

    private long question(long id, Asked a, long eventId) {
        var grid = a.grid();
        var community = grid.community;
        OpeningHours hours = community.hours();
        String topic = topic(grid);
        var address = ServicePhrases.pick(rnd, grid.addresses);
        String body = ServicePhrases.fill(ServicePhrases.pick(rnd, phrases.questions.get(topic)), Map.of(
                "place", address.place(), "n", Integer.toString(1 + rnd.nextInt(24)),
                "room", (1 + rnd.nextInt(6)) + "0" + (1 + rnd.nextInt(4))));
        String phone = rnd.nextBoolean() ? People.landline(rnd) : null;
        String placeText = rnd.nextDouble() < 0.2 ? address.full() : null;
        Instant askedAt = a.at();
        Instant start = hours.nextOpening(askedAt);
        Instant due = hours.after(start, settings.target());
        Instant escalateAt = hours.after(start, settings.escalate());
        if (start.isAfter(askedAt)) {
            outOfHours++;
        }
        var history = new ArrayList<Event>();
        history.add(new Event(askedAt, "asked", null, null, null, null, null));
        Instant answerAt = null;
        if (!a.waitingNow()) {
            double r = rnd.nextDouble();
            long target = settings.target().toSeconds();
            long second = settings.escalate().toSeconds();
            long seconds = r < PAST_SECOND_LIMIT ? second + 600 + rnd.nextLong(4 * 3600)
                    : r < PAST_SECOND_LIMIT + LATE ? target + 60 + (long) ((second - target - 60) * Math.pow(rnd.nextDouble(), 2))
                    : 60 + (long) ((target - 60) * Math.sqrt(rnd.nextDouble()));
            answerAt = hours.after(start, Duration.ofSeconds(seconds));
            if (answerAt.isAfter(now)) {
                answerAt = null;
            }
        }
        Instant until = answerAt == null ? now : answerAt;
        int escalation = 0;
        if (until.isAfter(due)) {
            history.add(new Event(due, "escalated", null, null, null, null, 1));
            escalation = 1;
        }
        if (until.isAfter(escalateAt)) {
            history.add(new Event(escalateAt, "escalated", null, null, null, null, 2));
            escalation = 2;
        }
        int gridId = grid.id;
        Instant floor = askedAt;
        if (answerAt != null && !grid.neighbours.isEmpty() && rnd.nextDouble() < TRANSFERRED) {
            var from = ServicePhrases.pick(rnd, grid.neighbours);
            Duration served = hours.elapsed(start, answerAt);
            Instant at = hours.after(start, Duration.ofSeconds((long) (served.toSeconds() * (0.2 + 0.5 * rnd.nextDouble()))));
            at = at.isAfter(askedAt) ? at : askedAt.plusSeconds(1);
            String reason = ServicePhrases.fill(ServicePhrases.pick(rnd, phrases.phrases("transfer")), Map.of("grid", grid.name));
            history.add(new Event(at, "transfer", from.leader, reason, from.id, gridId, null));
            transferred++;
            floor = at;
        }
        if (answerAt != null) {
            String author = escalation == 0 ? grid.leader : community.name() + "工作人员";
            Instant seen = answerAt.minusSeconds(30 + rnd.nextInt(240));
            history.add(new Event(seen.isAfter(floor) ? seen : floor.plusSeconds(1), "seen", author, null, null, null, null));
            history.add(new Event(answerAt, "answer", author, answer(topic, grid), null, null, null));
            if (escalation > 0) {
                late++;
            }
            aftermath(history, grid, topic, answerAt);
        }
        escalated1 += escalation >= 1 ? 1 : 0;
        escalated2 += escalation == 2 ? 1 : 0;
        history.sort(Comparator.comparing(Event::at));
        return write(id, gridId, topic, body, phone, address, placeText, askedAt, start, due, escalateAt, escalation, history,
                hours, eventId);
    }

    /** After the first answer: a follow-up and its answer, then the resident's verdict, each only if its time has come. */
    private void aftermath(List<Event> history, ServicePlaces.Grid grid, String topic, Instant answered) {
        OpeningHours hours = grid.community.hours();
        Instant last = answered;
        if (rnd.nextDouble() < FOLLOWED_UP) {
            Instant asked = last.plusSeconds(300 + rnd.nextLong(20 * 3600));
            if (asked.isBefore(now)) {
                history.add(new Event(asked, "follow_up", null, ServicePhrases.pick(rnd, phrases.phrases("follow_up")), null, null, null));
                followedUp++;
                last = asked;
                Instant reply = hours.after(hours.nextOpening(asked), Duration.ofSeconds(120 + rnd.nextLong(40 * 60)));
                if (reply.isBefore(now)) {
                    history.add(new Event(reply, "answer", grid.leader, answer(topic, grid), null, null, null));
                    last = reply;
                }
            }
        }
        double r = rnd.nextDouble();
        Instant verdict = last.plusSeconds(600 + rnd.nextLong(36 * 3600));
        if (r < NOT_SOLVED && verdict.isBefore(now)) {
            history.add(new Event(verdict, "not_solved", null, null, null, null, null));
            Instant again = hours.after(hours.nextOpening(verdict), Duration.ofSeconds(300 + rnd.nextLong(3600)));
            if (again.isBefore(now)) {
                history.add(new Event(again, "answer", grid.leader, answer(topic, grid), null, null, null));
                Instant done = again.plusSeconds(1800 + rnd.nextLong(24 * 3600));
                if (done.isBefore(now)) {
                    history.add(new Event(done, "solved", null, null, null, null, null));
                }
            }
        } else if (r < NOT_SOLVED + SOLVED && verdict.isBefore(now)) {
            history.add(new Event(verdict, "solved", null, null, null, null, null));
        }
    }

    private String topic(ServicePlaces.Grid grid) {
        var topics = new ArrayList<String>();
        for (String t : grid.duties) {
            if (phrases.questions.containsKey(t)) {
                topics.add(t);
            }
        }
        // policy questions and "other" come as often as two duties each
        for (String t : List.of("政策咨询", "其他")) {
            if (!topics.contains(t)) {
                topics.add(t);
                topics.add(t);
            }
        }
        return ServicePhrases.pick(rnd, topics);
    }

    private String answer(String topic, ServicePlaces.Grid grid) {
        List<String> own = phrases.answers.get(topic);
        List<String> from = own == null || rnd.nextDouble() < 0.2 ? phrases.answers.get(ServicePhrases.ANY) : own;
        return ServicePhrases.fill(ServicePhrases.pick(rnd, from), Map.of("phone", grid.community.phone(),
                "centre", grid.community.centre(), "leader", grid.leader));
    }

    /** Plays the events through the service's rules into the question's row, and writes both. */
    private long write(long id, int gridId, String topic, String body, String phone, ServicePlaces.Address address,
                       String placeText, Instant asked, Instant start, Instant due, Instant escalateAt, int escalation,
                       List<Event> history, OpeningHours hours, long eventId) {
        String status = "waiting";
        Boolean isSolved = null;
        Instant firstAnswer = null;
        Instant updated = asked;
        for (Event e : history) {
            switch (e.kind()) {
                case "answer" -> {
                    firstAnswer = firstAnswer == null ? e.at() : firstAnswer;
                    status = "answered";
                    updated = e.at();
                }
                case "solved" -> {
                    status = "solved";
                    isSolved = true;
                    updated = e.at();
                }
                case "not_solved" -> {
                    status = "waiting";
                    isSolved = false;
                    updated = e.at();
                }
                case "follow_up" -> {
                    if (status.equals("solved")) {
                        status = firstAnswer == null ? "waiting" : "answered";
                        updated = e.at();
                    }
                }
                case "transfer", "escalated" -> updated = e.at();
                default -> {
                }
            }
        }
        solved += status.equals("solved") ? 1 : 0;
        waiting += status.equals("waiting") ? 1 : 0;
        Integer seconds = firstAnswer == null ? null : (int) hours.elapsed(start, firstAnswer).toSeconds();
        questionRows.field(id).field(tokenHash("question", id)).field(gridId).field(topic).field(body).field(phone)
                .field(GEOMETRY.createPoint(new Coordinate(address.lon(), address.lat()))).field(placeText).field(false)
                .field(status).field(asked).field(start).field(due).field(escalateAt).field(escalation).field(firstAnswer)
                .field(seconds).field(isSolved).field(updated).end();
        for (Event e : history) {
            eventRows.field(eventId++).field(id).field(e.at()).field(e.kind()).field(null).field(e.author()).field(e.body())
                    .field(e.from()).field(e.to()).field(e.escalation()).end();
            events++;
        }
        return eventId;
    }

    static final String QUESTION_COLUMNS = "id, token_hash, grid_id, topic, body, phone, geom, place_text, place_uncertain, status, "
            + "asked_at, clock_start, due_at, escalate_at, escalation, first_answer_at, first_answer_service_seconds, solved, updated_at";
    static final String EVENT_COLUMNS = "id, question_id, at, kind, user_id, author, body, from_grid_id, to_grid_id, escalation";

    /** A private link's hash that no one holds the token of: SHA-256 of the seed, the table and the id. */
    String tokenHash(String table, long id) {
        return ServiceHistory.sha256(seed + "/" + table + "/" + id);
    }

    private static int index(double[] cumulative, double r) {
        int i = java.util.Arrays.binarySearch(cumulative, r);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cumulative.length - 1);
    }
}
