package org.partymap.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.partymap.Config;
import org.partymap.db.CopyRows;
import org.partymap.db.Sql;

/**
 * The demo district's month of service: 社区通 questions with their histories ({@link QuestionHistory}),
 * 预约办事 bookings ({@link BookingHistory}) and 公告 ({@link NoticeHistory}), ending at the moment it
 * runs, so that the inbox, the statistics, the booking lists and the notices are not empty. The
 * content follows from the demo's seed, the district in the database and the clock: the same three
 * give the same rows on every machine. It is dated relative to now, so it stays out of the district's
 * digest; {@code generate-demo --replace} clears it with the district.
 */
public final class ServiceHistory {

    /** What was written, and a SHA-256 digest of every row in order. */
    public record Result(QuestionHistory.Counts questions, int bookings, int cancelled, int notices, String digest, double seconds) {

        public String describe() {
            var q = questions;
            return String.format(Locale.ROOT, "%,d questions (%,d asked out of hours, %,d answered late, %,d escalated to the community "
                    + "and %,d of those on to the subdistrict, %,d transferred, %,d followed up, %,d solved, %,d waiting now) with %,d events, "
                    + "%,d bookings (%,d cancelled), %,d notices in %.1f s", q.questions(), q.outOfHours(), q.late(), q.escalated1(),
                    q.escalated2(), q.transferred(), q.followedUp(), q.solved(), q.waiting(), q.events(), bookings, cancelled, notices,
                    seconds);
        }
    }

    /** The tables the history writes, in the order their foreign keys need. */
    static final List<String> TABLES = List.of("question", "question_event", "booking", "notice");

    private static final int PHASE = 9;

    private ServiceHistory() {
    }

    /**
     * On the demo's first start: writes the history when this home generated the demo (its register is
     * there) and the database holds no question yet; says what it wrote in one line. Null when it left
     * the database alone.
     */
    public static Result writeIfEmpty(DataSource ds, Config config, Clock clock, PrintStream log) {
        if (!Files.isRegularFile(config.home().resolve("demo").resolve(DemoResidents.FILE))) {
            return null;
        }
        Result r = write(ds, config.dataDir(), config.consult(), config.booking(), clock);
        if (r != null && log != null) {
            log.println("demo: a month of service history: " + r.describe());
        }
        return r;
    }

    /** Writes the history ending at {@code clock}'s now in one transaction; null (nothing written) when any question exists. */
    public static Result write(DataSource ds, Path dataDir, Config.Consult consult, Config.Booking booking, Clock clock) {
        long start = System.nanoTime();
        var inputs = DemoInputs.read(dataDir);
        var phrases = new ServicePhrases(inputs);
        var people = new People(inputs);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Result r = Sql.transaction(ds, c -> {
            Sql.update(c, "LOCK TABLE question IN SHARE ROW EXCLUSIVE MODE");
            if (Sql.one(c, "SELECT EXISTS (SELECT 1 FROM question)", rs -> rs.getBoolean(1)).orElse(true)) {
                return null;
            }
            var places = new ServicePlaces(c);
            var questions = new QuestionHistory(places, phrases, consult, DemoGenerator.random(inputs, PHASE), inputs.seed(), now);
            var counts = questions.build(1, next(c, "question_event"));
            var bookings = new BookingHistory(places, phrases, people, booking, DemoGenerator.random(inputs, PHASE + 1), now);
            int booked = bookings.build(next(c, "booking"), questions);
            var notices = new NoticeHistory(places, phrases, DemoGenerator.random(inputs, PHASE + 2), now);
            int published = notices.build(next(c, "notice"));
            List<CopyRows> rows = List.of(questions.questionRows, questions.eventRows, bookings.rows, notices.rows);
            List<String> columns = List.of(QuestionHistory.QUESTION_COLUMNS, QuestionHistory.EVENT_COLUMNS, BookingHistory.COLUMNS,
                    NoticeHistory.COLUMNS);
            var md = sha256();
            for (int i = 0; i < TABLES.size(); i++) {
                rows.get(i).copyInto(c, TABLES.get(i), columns.get(i));
                Sql.one(c, "SELECT setval(pg_get_serial_sequence(?, 'id'), max(id)) FROM " + TABLES.get(i) + " HAVING max(id) IS NOT NULL",
                        rs -> rs.getLong(1), TABLES.get(i));
                md.update(TABLES.get(i).getBytes(StandardCharsets.UTF_8));
                md.update(rows.get(i).text().getBytes(StandardCharsets.UTF_8));
            }
            return new Result(counts, booked, bookings.cancelled, published, HexFormat.of().formatHex(md.digest()), 0);
        });
        if (r == null) {
            return null;
        }
        for (String table : TABLES) {
            Sql.update(ds, "ANALYZE " + table);
        }
        return new Result(r.questions(), r.bookings(), r.cancelled(), r.notices(), r.digest(), (System.nanoTime() - start) / 1e9);
    }

    private static long next(Connection c, String table) throws SQLException {
        return Sql.one(c, "SELECT coalesce(max(id), 0) + 1 FROM " + table, rs -> rs.getLong(1)).orElseThrow();
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
