package org.partymap.http;

import io.javalin.http.Handler;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A per-client token bucket for public look-ups: each client (by {@link ClientIp}) may make
 * {@code perSecond} requests a second on average, in bursts of up to three times that; beyond it
 * the answer is 429 with Retry-After. Attach it to a route with one call:
 * {@code r.get("/api/geocode", lookups.limit(geocode::search), Role.PUBLIC)}.
 *
 * <p>Buckets live in this node's memory: behind a load balancer each node allows the rate on its
 * own. A look-up is cheap and must stay fast; a database round trip per request to share the
 * count would cost more than the look-up it protects. Login attempts, which must be counted
 * across nodes, are throttled in the database instead.
 */
public final class RateLimiter {

    /** Above this many tracked clients, buckets that have refilled are forgotten. */
    private static final int SWEEP_ABOVE = 50_000;

    private final double perSecond;
    private final double burst;
    private final String rate;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond requests per second per client; 0 turns the limiter off */
    public RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(int perSecond, LongSupplier nanoTime) {
        this(perSecond, Math.max(1, 3.0 * perSecond), perSecond + " requests a second", nanoTime);
    }

    private RateLimiter(double perSecond, double burst, String rate, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.rate = rate;
        this.nanoTime = nanoTime;
    }

    /**
     * A limit for what people post rather than look up: {@code count} an hour on average, in bursts
     * of up to a third of that (at least one); 0 turns it off.
     */
    public static RateLimiter perHour(int count, String what) {
        return new RateLimiter(count / 3600.0, Math.max(1, count / 3.0), count + " " + what + " an hour", System::nanoTime);
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    /** The handler behind this limit; the handler itself when the limit is off. */
    public Handler limit(Handler handler) {
        if (!enabled()) {
            return handler;
        }
        return ctx -> {
            long wait = acquire(ClientIp.of(ctx));
            if (wait > 0) {
                throw ApiException.tooManyRequests("rate-limited", "more than " + rate + " from your address; try again in " + wait + " s", wait);
            }
            handler.handle(ctx);
        };
    }

    /** Takes a token for {@code key}: 0 when there was one, else the whole seconds until there is (0 always when off). */
    public long acquire(String key) {
        if (!enabled()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
        synchronized (bucket) {
            bucket.refill(now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perSecond);
        }
    }

    private final class Bucket {
        private double tokens = burst;
        private long last;

        Bucket(long now) {
            this.last = now;
        }

        void refill(long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
        }

        synchronized boolean isFull(long now) {
            return tokens + (now - last) / 1e9 * perSecond >= burst;
        }
    }
}
