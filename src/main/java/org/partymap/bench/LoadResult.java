package org.partymap.bench;

import java.util.Locale;

/**
 * What a load run measured.
 *
 * @param requests   completed requests in the measured window
 * @param errors     requests that failed or answered an unexpected status
 * @param perSecond  completed requests per second
 * @param p50Millis  median latency
 * @param p99Millis  99th-percentile latency
 */
public record LoadResult(long requests, long errors, double perSecond, double p50Millis, double p99Millis) {

    public String describe() {
        return String.format(Locale.ROOT, "%8.0f req/s  p50 %6.2f ms  p99 %6.2f ms%s", perSecond, p50Millis, p99Millis,
                errors == 0 ? "" : "  (" + errors + " errors)");
    }
}
