package org.partymap.geocode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs an evaluation set through a matcher and measures it. An answer is <em>right</em> when it
 * lies within 100 m of the place meant; a case that only names a street, an estate or an area
 * is also answered right by that street, estate or area (its point may lie far from the home).
 * Per match level of the answers to places that exist: precision (answers at that level that are
 * right), the share within 50 m and the share of confident wrong answers; per level expected:
 * recall (cases answered right, at any level). Over all: well-formed addresses right to the building (within 25 m or the
 * same standard address), messy ones right, and confident wrong answers (score ≥ 0.8 but wrong, or
 * for an address that does not exist).
 */
public final class AccuracyHarness {

    static final double RIGHT = 100;
    static final double CLOSE = 50;
    static final double SAME_BUILDING = 25;

    private AccuracyHarness() {
    }

    /** What happened to one case; {@code distance} in metres, NaN without an answer or a place. */
    public record Outcome(EvaluationCase evaluation, Candidate best, double distance) {
        boolean within(double metres) {
            return best != null && evaluation.exists() && distance <= metres;
        }

        /** Within 100 m; for a case that names only a street, estate or area, also that place by name. */
        boolean right() {
            return within(RIGHT) || best != null && evaluation.exists() && !evaluation.expectedLevel().isPoint()
                    && best.address().equals(evaluation.expectedAddress());
        }

        boolean rightToTheBuilding() {
            return within(SAME_BUILDING) || best != null && evaluation.exists() && best.address().equals(evaluation.expectedAddress());
        }

        boolean confidentWrong() {
            return best != null && best.confident() && !right();
        }
    }

    /** Counts for one level: cases expecting it and those answered right; answers at it, right, within 50 m, confident and wrong. */
    public record LevelFigures(int expected, int recalled, int answered, int answeredRight, int answeredClose, int confidentWrong) {
        double precision() {
            return share(answeredRight, answered);
        }

        double recall() {
            return share(recalled, expected);
        }
    }

    /** Everything measured, and the report for people. */
    public record Report(List<Outcome> outcomes, Map<MatchLevel, LevelFigures> levels, Map<String, int[]> styles,
                         int existing, int right, int pointCases, int pointWithin50, int wellFormed, int wellFormedRight,
                         int messy, int messyRight, int nonexistent, int nonexistentConfident, int confident, int confidentWrong) {

        public double wellFormedShare() {
            return share(wellFormedRight, wellFormed);
        }

        public double messyShare() {
            return share(messyRight, messy);
        }

        public double confidentWrongShare() {
            return share(confidentWrong, outcomes.size());
        }

        /** Of the cases meant at a point (address, building, house number), the share answered within 50 m. */
        public double within50Share() {
            return share(pointWithin50, pointCases);
        }

        public double rightShare() {
            return share(right, existing);
        }

        public String format() {
            var out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%d cases: %d that exist, %d that do not%n", outcomes.size(), existing, nonexistent));
            out.append(String.format(Locale.ROOT, "  %-13s %8s %8s %10s %8s %9s %13s%n", "level", "expected", "answered",
                    "precision", "recall", "<= 50 m", "confident ✗"));
            levels.forEach((level, f) -> {
                if (f.expected() + f.answered() > 0) {
                    out.append(String.format(Locale.ROOT, "  %-13s %8d %8d %10s %8s %9s %13s%n", level.code(), f.expected(),
                            f.answered(), percent(f.precision()), percent(f.recall()), percent(share(f.answeredClose(), f.answered())),
                            percent(share(f.confidentWrong(), f.answered()))));
                }
            });
            line(out, "right (within 100 m, or the street/estate named)", share(right, existing), existing);
            line(out, "meant at a point, answered within 50 m", within50Share(), pointCases);
            line(out, "well-formed, right to the building", wellFormedShare(), wellFormed);
            line(out, "messy, right", messyShare(), messy);
            out.append(String.format(Locale.ROOT, "  confident answers (score >= %.1f): %s of all, %s of them right%n", Candidate.CONFIDENT,
                    percent(share(confident, outcomes.size())), percent(1 - share(confidentWrong, confident))));
            out.append(String.format(Locale.ROOT, "  confident wrong answers: %s (%d)%n", percent(confidentWrongShare()), confidentWrong));
            out.append(String.format(Locale.ROOT, "  addresses that do not exist answered with confidence: %d of %d%n",
                    nonexistentConfident, nonexistent));
            out.append(String.format(Locale.ROOT, "  %-22s %6s %8s %8s%n", "style", "cases", "right", "to bldg"));
            styles.forEach((style, c) -> out.append(String.format(Locale.ROOT, "  %-22s %6d %8s %8s%n", style, c[0],
                    percent(share(c[1], c[0])), percent(share(c[2], c[0])))));
            return out.toString();
        }

        /** Up to {@code perStyle} misses of each style and the first confident wrong answers, for people tuning the matcher. */
        public String misses(int perStyle) {
            var out = new StringBuilder();
            var seen = new TreeMap<String, Integer>();
            for (Outcome o : outcomes) {
                if (o.evaluation().exists() && !o.right() && seen.merge(o.evaluation().style(), 1, Integer::sum) <= perStyle) {
                    out.append("  missed: ").append(describe(o)).append('\n');
                }
            }
            outcomes.stream().filter(Outcome::confidentWrong).limit(12)
                    .forEach(o -> out.append("  confident and wrong: ").append(describe(o)).append('\n'));
            return out.toString();
        }

        private static String describe(Outcome o) {
            EvaluationCase c = o.evaluation();
            String answer = o.best() == null ? "nothing" : String.format(Locale.ROOT, "%s (%s, %.2f%s)", o.best().address(),
                    o.best().level().code(), o.best().score(), Double.isNaN(o.distance()) ? "" : String.format(Locale.ROOT, ", %.0f m off", o.distance()));
            return c.query() + " → " + answer + "; meant " + (c.exists() ? c.expectedAddress() + " [" + c.style() + "]" : "nothing");
        }

        private static void line(StringBuilder out, String what, double share, int of) {
            out.append(String.format(Locale.ROOT, "  %-50s %8s of %d%n", what + ":", percent(share), of));
        }
    }

    public static Report run(Matcher matcher, List<EvaluationCase> cases) {
        return run(q -> matcher.match(q, 5).stream().findFirst().orElse(null), cases);
    }

    /** Measures any geocoder: {@code best} answers a query with its best candidate, or null. */
    public static Report run(Function<String, Candidate> answer, List<EvaluationCase> cases) {
        var outcomes = new ArrayList<Outcome>(cases.size());
        for (EvaluationCase c : cases) {
            Candidate best = answer.apply(c.query());
            double d = best == null || !c.exists() ? Double.NaN : Metres.distance(best.lon(), best.lat(), c.lon(), c.lat());
            outcomes.add(new Outcome(c, best, d));
        }
        return report(outcomes);
    }

    static Report report(List<Outcome> outcomes) {
        var counts = new EnumMap<MatchLevel, int[]>(MatchLevel.class);
        for (MatchLevel l : MatchLevel.values()) {
            counts.put(l, new int[6]);
        }
        var styles = new TreeMap<String, int[]>();
        int existing = 0, right = 0, pointCases = 0, within50 = 0, wellFormed = 0, wellFormedRight = 0, messy = 0, messyRight = 0;
        int nonexistent = 0, nonexistentConfident = 0, confident = 0, confidentWrong = 0;
        for (Outcome o : outcomes) {
            EvaluationCase c = o.evaluation();
            int[] style = styles.computeIfAbsent(c.style(), k -> new int[3]);
            style[0]++;
            boolean sure = o.best() != null && o.best().confident();
            confident += sure ? 1 : 0;
            confidentWrong += o.confidentWrong() ? 1 : 0;
            if (o.best() != null && c.exists()) {
                int[] at = counts.get(o.best().level());
                at[2]++;
                at[3] += o.right() ? 1 : 0;
                at[4] += o.within(CLOSE) ? 1 : 0;
                at[5] += o.confidentWrong() ? 1 : 0;
            }
            if (!c.exists()) {
                nonexistent++;
                nonexistentConfident += sure ? 1 : 0;
                style[1] += sure ? 0 : 1;
                style[2] += sure ? 0 : 1;
                continue;
            }
            existing++;
            int[] mine = counts.get(c.expectedLevel());
            mine[0]++;
            if (o.right()) {
                mine[1]++;
                right++;
                style[1]++;
            }
            if (c.expectedLevel().isPoint()) {
                pointCases++;
                within50 += o.within(CLOSE) ? 1 : 0;
            }
            style[2] += o.rightToTheBuilding() ? 1 : 0;
            if (c.messy()) {
                messy++;
                messyRight += o.right() ? 1 : 0;
            } else {
                wellFormed++;
                wellFormedRight += o.rightToTheBuilding() ? 1 : 0;
            }
        }
        var levels = new EnumMap<MatchLevel, LevelFigures>(MatchLevel.class);
        counts.forEach((l, v) -> levels.put(l, new LevelFigures(v[0], v[1], v[2], v[3], v[4], v[5])));
        return new Report(outcomes, levels, styles, existing, right, pointCases, within50, wellFormed, wellFormedRight, messy,
                messyRight, nonexistent, nonexistentConfident, confident, confidentWrong);
    }

    static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
