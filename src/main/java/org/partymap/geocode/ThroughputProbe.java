package org.partymap.geocode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast a matcher answers in-process: {@code threads} threads each geocode the queries in a
 * loop (each from its own offset) for a while after a warm-up, timing every call.
 */
public final class ThroughputProbe {

    /** Queries per second over all threads, and the latency of one call in microseconds. */
    public record Figures(int threads, long queries, double seconds, double perSecond, double p50, double p99) {
        public String format() {
            return String.format(Locale.ROOT, "%2d thread(s): %,.0f queries/s (%,d in %.1f s), p50 %.0f µs, p99 %.0f µs",
                    threads, perSecond, queries, seconds, p50, p99);
        }
    }

    private ThroughputProbe() {
    }

    public static Figures measure(Matcher matcher, List<String> queries, int threads, Duration duration) {
        for (int i = 0; i < Math.min(queries.size(), 20_000); i++) {
            matcher.match(queries.get(i), 5); // warm-up: let the JIT compile the matcher
        }
        var total = new AtomicLong();
        long[][] samples = new long[threads][200_000];
        int[] counts = new int[threads];
        var start = new CountDownLatch(1);
        var done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            int offset = t * queries.size() / threads;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    long end = System.nanoTime() + duration.toNanos();
                    long[] own = samples[me];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        matcher.match(queries.get((offset + n) % queries.size()), 5);
                        own[n % own.length] = System.nanoTime() - t0;
                        n++;
                    }
                    counts[me] = n;
                    total.addAndGet(n);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "throughput-" + t);
            w.start();
        }
        long begin = System.nanoTime();
        start.countDown();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long finish = System.nanoTime();
        var all = new ArrayList<Long>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < Math.min(counts[t], samples[t].length); i++) {
                all.add(samples[t][i]);
            }
        }
        all.sort(null);
        double seconds = (finish - begin) / 1e9;
        return new Figures(threads, total.get(), seconds, total.get() / seconds,
                all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e3, all.isEmpty() ? 0 : all.get((int) (all.size() * 0.99)) / 1e3);
    }
}
