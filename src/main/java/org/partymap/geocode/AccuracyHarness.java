package org.partymap.geocode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs an evaluation set through a matcher and measures it: per match level, precision (answers
 * at that level, to addresses that exist, that are right: within 100 m) and recall (cases
 * expecting that level answered right, at any level); the share within 50 m; well-formed addresses right to the building (within 25 m or the
 * same standard address); messy ones within 100 m; and confident wrong answers (score ≥ 0.8 but
 * more than 100 m off, or for an address that does not exist).
 */
public final class AccuracyHarness {

    static final double RIGHT = 100;
    static final double CLOSE = 50;
    static final double SAME_BUILDING = 25;

    private AccuracyHarness() {
    }

    /** What happened to one case. */
    public record Outcome(EvaluationCase evaluation, Candidate best, double distance) {
        boolean within(double metres) {
            return best != null && evaluation.exists() && distance <= metres;
        }

        boolean rightToTheBuilding() {
            return within(SAME_BUILDING) || best != null && evaluation.exists() && best.address().equals(evaluation.expectedAddress());
        }

        boolean confidentWrong() {
            return best != null && best.confident() && (!evaluation.exists() || distance > RIGHT);
        }
    }

    /** Counts for one level. */
    public record LevelFigures(int expected, int recalled, int answered, int answeredRight) {
        double precision() {
            return answered == 0 ? Double.NaN : (double) answeredRight / answered;
        }

        double recall() {
            return expected == 0 ? Double.NaN : (double) recalled / expected;
        }
    }

    /** Everything measured, and the report for people. */
    public record Report(List<Outcome> outcomes, Map<MatchLevel, LevelFigures> levels, Map<String, int[]> styles,
                         int existing, int within50, int within100, int wellFormed, int wellFormedRight, int messy,
                         int messyWithin100, int nonexistent, int nonexistentConfident, int confident, int confidentWrong) {

        public double wellFormedShare() {
            return share(wellFormedRight, wellFormed);
        }

        public double messyShare() {
            return share(messyWithin100, messy);
        }

        public double confidentWrongShare() {
            return share(confidentWrong, outcomes.size());
        }

        public double within50Share() {
            return share(within50, existing);
        }

        public String format() {
            var out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%d cases: %d that exist, %d that do not%n", outcomes.size(), existing, nonexistent));
            out.append(String.format(Locale.ROOT, "%-13s %8s %8s %10s %8s%n", "level", "expected", "answered", "precision", "recall"));
            levels.forEach((level, f) -> out.append(String.format(Locale.ROOT, "%-13s %8d %8d %10s %8s%n", level.code(),
                    f.expected(), f.answered(), percent(f.precision()), percent(f.recall()))));
            out.append(String.format(Locale.ROOT, "within 50 m:                      %s of %d%n", percent(within50Share()), existing));
            out.append(String.format(Locale.ROOT, "within 100 m:                     %s of %d%n", percent(share(within100, existing)), existing));
            out.append(String.format(Locale.ROOT, "well-formed right to the building: %s of %d%n", percent(wellFormedShare()), wellFormed));
            out.append(String.format(Locale.ROOT, "messy within 100 m:                %s of %d%n", percent(messyShare()), messy));
            out.append(String.format(Locale.ROOT, "confident answers (score >= 0.8): %s of all, %s of them right%n",
                    percent(share(confident, outcomes.size())), percent(1 - share(confidentWrong, confident))));
            out.append(String.format(Locale.ROOT, "confident wrong answers:          %s (%d)%n", percent(confidentWrongShare()), confidentWrong));
            out.append(String.format(Locale.ROOT, "addresses that do not exist answered with confidence: %d of %d%n",
                    nonexistentConfident, nonexistent));
            out.append(String.format(Locale.ROOT, "%-20s %6s %9s %8s%n", "style", "cases", "<= 100 m", "to bldg"));
            styles.forEach((style, c) -> out.append(String.format(Locale.ROOT, "%-20s %6d %9s %8s%n", style, c[0],
                    percent(share(c[1], c[0])), percent(share(c[2], c[0])))));
            var perStyle = new TreeMap<String, Integer>();
            List<Outcome> missed = outcomes.stream().filter(o -> o.evaluation().exists() && !o.within(RIGHT))
                    .filter(o -> perStyle.merge(o.evaluation().style(), 1, Integer::sum) <= 3).toList();
            if (!missed.isEmpty()) {
                out.append("missed (no answer, or more than 100 m off), up to 3 per style:\n");
                missed.forEach(o -> out.append(String.format(Locale.ROOT, "  %s → %s; meant %s%n", o.evaluation().query(),
                        o.best() == null ? "nothing" : String.format(Locale.ROOT, "%s (%s, %.2f, %.0f m off)", o.best().address(),
                                o.best().level().code(), o.best().score(), o.distance()), o.evaluation().expectedAddress())));
            }
            List<Outcome> wrong = outcomes.stream().filter(Outcome::confidentWrong).limit(12).toList();
            if (!wrong.isEmpty()) {
                out.append("confident wrong answers, first ").append(wrong.size()).append(":\n");
                wrong.forEach(o -> out.append(String.format(Locale.ROOT, "  %s → %s (%s, %.2f, %.0f m off; meant %s)%n",
                        o.evaluation().query(), o.best().address(), o.best().level().code(), o.best().score(), o.distance(),
                        o.evaluation().exists() ? o.evaluation().expectedAddress() : "nothing")));
            }
            return out.toString();
        }
    }

    public static Report run(Matcher matcher, List<EvaluationCase> cases) {
        var outcomes = new ArrayList<Outcome>(cases.size());
        for (EvaluationCase c : cases) {
            List<Candidate> found = matcher.match(c.query(), 5);
            Candidate best = found.isEmpty() ? null : found.get(0);
            double d = best == null || !c.exists() ? Double.NaN : Metres.distance(best.lon(), best.lat(), c.lon(), c.lat());
            outcomes.add(new Outcome(c, best, d));
        }
        return report(outcomes);
    }

    static Report report(List<Outcome> outcomes) {
        var expected = new EnumMap<MatchLevel, int[]>(MatchLevel.class);
        for (MatchLevel l : MatchLevel.values()) {
            expected.put(l, new int[4]);
        }
        var styles = new TreeMap<String, int[]>();
        int existing = 0, within50 = 0, within100 = 0, wellFormed = 0, wellFormedRight = 0, messy = 0, messyRight = 0;
        int nonexistent = 0, nonexistentConfident = 0, confident = 0, confidentWrong = 0;
        for (Outcome o : outcomes) {
            EvaluationCase c = o.evaluation();
            int[] style = styles.computeIfAbsent(c.style(), k -> new int[3]);
            style[0]++;
            if (o.best() != null && o.best().confident()) {
                confident++;
            }
            if (o.best() != null && c.exists()) {
                int[] at = expected.get(o.best().level());
                at[2]++;
                if (o.within(RIGHT)) {
                    at[3]++;
                }
            }
            if (o.confidentWrong()) {
                confidentWrong++;
            }
            if (!c.exists()) {
                nonexistent++;
                style[1] += o.best() == null || !o.best().confident() ? 1 : 0;
                style[2] += o.best() == null || !o.best().confident() ? 1 : 0;
                nonexistentConfident += o.best() != null && o.best().confident() ? 1 : 0;
                continue;
            }
            existing++;
            int[] mine = expected.get(c.expectedLevel());
            mine[0]++;
            if (o.within(RIGHT)) {
                mine[1]++;
                within100++;
                style[1]++;
            }
            if (o.within(CLOSE)) {
                within50++;
            }
            if (o.rightToTheBuilding()) {
                style[2]++;
            }
            if (c.messy()) {
                messy++;
                messyRight += o.within(RIGHT) ? 1 : 0;
            } else {
                wellFormed++;
                wellFormedRight += o.rightToTheBuilding() ? 1 : 0;
            }
        }
        var levels = new EnumMap<MatchLevel, LevelFigures>(MatchLevel.class);
        expected.forEach((l, v) -> levels.put(l, new LevelFigures(v[0], v[1], v[2], v[3])));
        return new Report(outcomes, levels, styles, existing, within50, within100, wellFormed, wellFormedRight, messy,
                messyRight, nonexistent, nonexistentConfident, confident, confidentWrong);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
