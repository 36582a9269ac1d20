package org.partymap.ogc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Pages through a collection over HTTP as a client would: follows the next links until there is
 * none, reading each response as a stream (never holding a page), counting features and bytes and
 * checking that ids only grow, so that no feature is missed or read twice.
 */
final class OgcBenchClient {

    private static final JsonFactory JSON = new JsonFactory();

    /** What reading a whole collection took. */
    record Pass(int pages, long features, long bytes, double seconds) {
    }

    private final HttpClient http = HttpClient.newHttpClient();

    Pass readAll(URI first) throws IOException, InterruptedException {
        long started = System.nanoTime();
        int pages = 0;
        long features = 0;
        long bytes = 0;
        long lastId = Long.MIN_VALUE;
        String next = first.toString();
        while (next != null) {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(next))
                    .header("Accept", "application/geo+json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IOException(next + " answered " + r.statusCode() + ": " + new String(r.body().readAllBytes()));
            }
            try (var counted = new CountingStream(r.body()); JsonParser p = JSON.createParser(counted)) {
                Page page = page(p, lastId);
                features += page.features;
                lastId = page.lastId;
                next = page.next;
                bytes += counted.count;
            }
            pages++;
        }
        return new Pass(pages, features, bytes, (System.nanoTime() - started) / 1e9);
    }

    private record Page(long features, long lastId, String next) {
    }

    /** Reads one FeatureCollection token by token: its next link, and the id of each feature. */
    private static Page page(JsonParser p, long lastId) throws IOException {
        long features = 0;
        String next = null;
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a page is not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            p.nextToken();
            if (member.equals("links")) {
                next = nextLink(p);
            } else if (member.equals("features")) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long id = featureId(p);
                    if (id <= lastId) {
                        throw new IOException("feature " + id + " came after " + lastId + ": paging lost its order");
                    }
                    lastId = id;
                    features++;
                }
            } else {
                p.skipChildren();
            }
        }
        return new Page(features, lastId, next);
    }

    private static String nextLink(JsonParser p) throws IOException {
        String next = null;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String rel = null;
            String href = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("rel")) {
                    rel = p.getText();
                } else if (name.equals("href")) {
                    href = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if ("next".equals(rel)) {
                next = href;
            }
        }
        return next;
    }

    private static long featureId(JsonParser p) throws IOException {
        long id = Long.MIN_VALUE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("id")) {
                id = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
        return id;
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
