package org.partymap.consult;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * Questions per week, the median first-answer time (service minutes) and the share answered within
 * the target, for a grid, a community or a subdistrict. Staff see every count; the public figures
 * of a community carry no text and no count below {@link #K} (k-anonymity): a week with fewer
 * questions shows none of its figures, and neither does the whole when fewer were answered.
 */
final class ConsultStats {

    static final int K = 5;

    /** {@code ?1} the week's start as a Shanghai date; counted over the questions of the area since {@code ?}. */
    private static final String WEEKS = """
            SELECT (date_trunc('week', q.asked_at AT TIME ZONE 'Asia/Shanghai'))::date AS week,
                   count(*) AS asked,
                   count(q.first_answer_at) AS answered,
                   count(*) FILTER (WHERE q.first_answer_service_seconds <= ?) AS within_target,
                   count(*) FILTER (WHERE q.first_answer_at IS NOT NULL OR q.due_at <= ?) AS judged,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY q.first_answer_service_seconds) AS median_seconds
              FROM question q JOIN grid g ON g.id = q.grid_id JOIN community c ON c.id = g.community_id
             WHERE q.asked_at >= ?
               AND (?::int IS NULL OR g.id = ?::int)
               AND (?::int IS NULL OR c.id = ?::int)
               AND (?::int IS NULL OR c.subdistrict_id = ?::int)
             GROUP BY ROLLUP (1)
             ORDER BY 1 NULLS LAST""";

    /** The area the figures are about: exactly one of the three. */
    record Area(Integer grid, Integer community, Integer subdistrict) {
    }

    /**
     * One week's figures (its Monday, ISO 8601; or, with {@code week} null, the whole span's). Null figures are withheld:
     * fewer than {@link #K} questions (public), or none answered.
     *
     * @param withinTargetShare answered within the target among those answered or already past it
     */
    record Figures(String week, Long asked, Long answered, Double medianMinutes, Double withinTargetShare, boolean suppressed) {
    }

    record Report(int weeks, long targetMinutes, int suppressedBelow, Figures total, List<Figures> byWeek) {
    }

    private final DataSource ds;

    ConsultStats(DataSource ds) {
        this.ds = ds;
    }

    Report report(Area area, int weeks, Instant now, Duration target, boolean anonymous) {
        Instant since = now.atZone(org.partymap.servicetime.OpeningHours.ZONE).toLocalDate().minusWeeks(weeks)
                .atStartOfDay(org.partymap.servicetime.OpeningHours.ZONE).toInstant();
        List<Figures> rows = Sql.list(ds, WEEKS, rs -> figures(rs, anonymous), target.toSeconds(), QuestionRepository.ts(now),
                QuestionRepository.ts(since), area.grid(), area.grid(), area.community(), area.community(), area.subdistrict(),
                area.subdistrict());
        Figures total = rows.stream().filter(f -> f.week() == null).findFirst()
                .orElse(new Figures(null, anonymous ? null : 0L, anonymous ? null : 0L, null, null, anonymous));
        return new Report(weeks, target.toMinutes(), anonymous ? K : 0, total, rows.stream().filter(f -> f.week() != null).toList());
    }

    private static Figures figures(ResultSet rs, boolean anonymous) throws SQLException {
        LocalDate day = rs.getObject("week", LocalDate.class);
        String week = day == null ? null : day.toString();
        long asked = rs.getLong("asked");
        long answered = rs.getLong("answered");
        long judged = rs.getLong("judged");
        if (anonymous && asked < K) {
            return new Figures(week, null, null, null, null, true);
        }
        boolean enoughAnswered = !anonymous || answered >= K;
        Double median = answered == 0 || !enoughAnswered ? null : Math.round(rs.getDouble("median_seconds") / 6.0) / 10.0;
        Double share = judged == 0 || !enoughAnswered ? null : Math.round(1000.0 * rs.getLong("within_target") / judged) / 1000.0;
        return new Figures(week, asked, answered, median, share, false);
    }
}
