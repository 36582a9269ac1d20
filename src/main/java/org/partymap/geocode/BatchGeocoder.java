package org.partymap.geocode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Geocodes many addresses at once (a resident file, a CSV) on every core, reporting progress,
 * and sums up what it found: matches per level, the rows it could not place and the rows placed
 * without confidence, by their line in the file.
 */
public final class BatchGeocoder {

    /** One address to geocode and the line of the file it came from. */
    public record Item(int line, String text) {
    }

    /**
     * What a batch found.
     *
     * @param best      per item, its best candidate or null
     * @param unmatched lines of the items with no candidate
     * @param uncertain lines of the items whose best candidate is below {@link Candidate#CONFIDENT}
     */
    public record Result(List<Candidate> best, Map<MatchLevel, Integer> byLevel, List<Integer> unmatched,
                         List<Integer> uncertain, Duration took) {

        /** A few lines for people: rows per level, then the lines that need a look. */
        public String summary() {
            var out = new StringBuilder();
            double seconds = took.toNanos() / 1e9;
            out.append(String.format(Locale.ROOT, "geocoded %d rows in %.1f s (%.0f rows/s)%n", best.size(), seconds,
                    best.size() / Math.max(seconds, 1e-3)));
            byLevel.forEach((level, count) -> out.append(String.format("  %-13s %d%n", level.code(), count)));
            out.append(String.format("  %-13s %d%s%n", "unmatched", unmatched.size(), lines(unmatched)));
            out.append(String.format("  %-13s %d%s%n", "below " + Candidate.CONFIDENT, uncertain.size(), lines(uncertain)));
            return out.toString();
        }

        private static String lines(List<Integer> lines) {
            if (lines.isEmpty()) {
                return "";
            }
            int shown = Math.min(lines.size(), 30);
            var text = new StringBuilder(lines.size() == 1 ? ": line " : ": lines ");
            for (int i = 0; i < shown; i++) {
                text.append(i == 0 ? "" : ", ").append(lines.get(i));
            }
            return lines.size() > shown ? text + ", … (" + (lines.size() - shown) + " more)" : text.toString();
        }
    }

    private final Matcher matcher;

    public BatchGeocoder(Matcher matcher) {
        this.matcher = matcher;
    }

    /** Geocodes every item in parallel; {@code progress} receives the count done so far, from any thread. */
    public Result geocode(List<Item> items, IntConsumer progress) {
        long start = System.nanoTime();
        var best = new Candidate[items.size()];
        var done = new AtomicInteger();
        IntStream.range(0, items.size()).parallel().forEach(i -> {
            String text = items.get(i).text();
            List<Candidate> found = text == null || text.isBlank() ? List.of() : matcher.match(text, 1);
            best[i] = found.isEmpty() ? null : found.get(0);
            int n = done.incrementAndGet();
            if ((n & 255) == 0) {
                progress.accept(n);
            }
        });
        progress.accept(items.size());
        var byLevel = new EnumMap<MatchLevel, Integer>(MatchLevel.class);
        var unmatched = new ArrayList<Integer>();
        var uncertain = new ArrayList<Integer>();
        for (int i = 0; i < best.length; i++) {
            if (best[i] == null) {
                unmatched.add(items.get(i).line());
                continue;
            }
            byLevel.merge(best[i].level(), 1, Integer::sum);
            if (!best[i].confident()) {
                uncertain.add(items.get(i).line());
            }
        }
        return new Result(Arrays.asList(best), byLevel, unmatched, uncertain, Duration.ofNanos(System.nanoTime() - start));
    }
}
