package org.partymap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A first visit to a page in a fresh headless browser: how many requests, how many bytes over the
 * wire (and unpacked), and when the page reached a {@code performance.mark} that it sets itself
 * (such as "the grids are drawn"). The bytes are counted once the page has been quiet for a
 * second after that mark.
 *
 * @param markMillis milliseconds from navigation start to the mark
 */
public record PageLoad(int requests, long transferBytes, long decodedBytes, double markMillis) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ = """
            (() => {
              const mark = performance.getEntriesByName('%s')[0];
              if (!mark) return null;
              const nav = performance.getEntriesByType('navigation')[0];
              const res = performance.getEntriesByType('resource');
              const sum = (f) => res.reduce((a, r) => a + r[f], nav[f]);
              return JSON.stringify({mark: mark.startTime, requests: res.length + 1,
                                     transfer: sum('transferSize'), decoded: sum('decodedBodySize')});
            })()""";

    /** Loads {@code url} in a window of the given size and waits (at most 30 s) for the mark. */
    public static Optional<PageLoad> measure(String url, int width, int height, String mark) throws IOException, InterruptedException {
        try (HeadlessChromium browser = HeadlessChromium.start(width, height)) {
            browser.navigate(url);
            String expression = READ.formatted(mark);
            Optional<String> first = browser.poll(expression, Duration.ofSeconds(30));
            if (first.isEmpty()) {
                return Optional.empty();
            }
            JsonNode last = JSON.readTree(first.get());
            int quiet = 0;
            for (int i = 0; i < 100 && quiet < 5; i++) {
                Thread.sleep(200);
                JsonNode now = JSON.readTree(browser.evaluate(expression).orElseThrow());
                quiet = now.get("requests").asInt() == last.get("requests").asInt() ? quiet + 1 : 0;
                last = now;
            }
            return Optional.of(new PageLoad(last.get("requests").asInt(), last.get("transfer").asLong(),
                    last.get("decoded").asLong(), last.get("mark").asDouble()));
        }
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d requests, %.0f KB over the wire (%.0f KB unpacked), mark at %.0f ms",
                requests, transferBytes / 1024.0, decodedBytes / 1024.0, markMillis);
    }
}
