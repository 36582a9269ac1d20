package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.javalin.http.Handler;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(5, now::get);

    private void advanceMillis(long ms) {
        now.addAndGet(ms * 1_000_000);
    }

    @Test
    void aClientGetsABurstOfThreeSecondsWorthThenTheRate() {
        for (int i = 0; i < 15; i++) {
            assertEquals(0, limiter.acquire("10.0.0.1"), "request " + i);
        }
        assertEquals(1, limiter.acquire("10.0.0.1"), "the 16th waits");
        advanceMillis(200);
        assertEquals(0, limiter.acquire("10.0.0.1"), "one token back after 1/5 s");
        assertEquals(1, limiter.acquire("10.0.0.1"));
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 15; i++) {
            limiter.acquire("10.0.0.1");
        }
        assertEquals(1, limiter.acquire("10.0.0.1"));
        assertEquals(0, limiter.acquire("10.0.0.2"));
    }

    @Test
    void aLongPauseRefillsTheBurstButNoMore() {
        for (int i = 0; i < 15; i++) {
            limiter.acquire("10.0.0.1");
        }
        advanceMillis(60_000);
        for (int i = 0; i < 15; i++) {
            assertEquals(0, limiter.acquire("10.0.0.1"));
        }
        assertEquals(1, limiter.acquire("10.0.0.1"));
    }

    @Test
    void zeroTurnsTheLimitOffAndLeavesTheHandlerAlone() {
        var off = new RateLimiter(0);
        Handler handler = ctx -> { };
        assertFalse(off.enabled());
        assertSame(handler, off.limit(handler));
    }
}
