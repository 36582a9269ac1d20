package org.partymap.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Runs one request type under a number of concurrent clients, each in its own thread, each
 * sending its next request as soon as the last one answered (a closed loop, like a pool of busy
 * users). A warm-up lets the JIT and the database's caches settle before the measured window.
 */
public final class LoadRunner {

    /** One client's requests. {@code call(i)} sends the i-th request and says whether it succeeded. */
    public interface Client extends AutoCloseable {
        boolean call(int i) throws Exception;

        /** Closes what the client holds; unchecked, so that a try-with-resources cannot swallow an interrupt. */
        @Override
        default void close() {
        }

        /** A client whose calls use {@code resource}, closed with it. */
        static Client of(AutoCloseable resource, Client calls) {
            return new Client() {
                @Override
                public boolean call(int i) throws Exception {
                    return calls.call(i);
                }

                @Override
                public void close() {
                    try {
                        resource.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        throw new IllegalStateException("a client could not be closed: " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    private final Duration warmup;
    private final Duration measure;

    public LoadRunner(Duration warmup, Duration measure) {
        this.warmup = warmup;
        this.measure = measure;
    }

    /** Runs {@code clients} clients made by {@code factory} (given the client's number). */
    public LoadResult run(int clients, IntFunction<Client> factory) throws InterruptedException {
        var errors = new AtomicLong();
        var start = new CountDownLatch(1);
        var done = new CountDownLatch(clients);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long warmupEnd = System.nanoTime() + warmup.toNanos() + 200_000_000L;
        long end = warmupEnd + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (Client client = factory.apply(id)) {
                    start.await();
                    int i = id * 7919;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        boolean ok = client.call(i++);
                        long t1 = System.nanoTime();
                        if (t0 >= warmupEnd) {
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = t1 - t0;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latencies[id] = mine;
                    counts[id] = n;
                    done.countDown();
                }
            }, "bench-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        start.countDown();
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double seconds = measure.toNanos() / 1e9;
        return new LoadResult(total, errors.get(), total / seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    /** The {@code p} quantile in milliseconds of latencies in nanoseconds, sorted; NaN for none. */
    public static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
