package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.LogCapture;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * The whole public layers as bytes kept per layer version: strong ETags and 304, gzip kept beside
 * the plain bytes, a committed change seen at once by this node and by a second node on the same
 * database, and the kept bytes still served while the database is away, when the health check says
 * 503 with a fixed reason and recovers on its own.
 */
class KeptAnswersIT {

    private static final List<String> LAYERS = List.of("/api/grids", "/api/grids?community=1", "/api/grids/1", "/api/stations",
            "/api/streets", "/api/subdistricts", "/api/communities", "/api/basemap?bbox=120.14,33.38,120.155,33.395&z=16");

    private static Database db;
    private static TestServer server;
    private static TestServer second;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"));
        second = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0"));
    }

    @AfterAll
    static void stop() {
        second.close();
        server.close();
        db.close();
    }

    private static HttpResponse<byte[]> get(TestServer s, String path, String... headers) {
        var b = HttpRequest.newBuilder(s.uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] body) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("not gzip", e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    @Test
    void everyWholeLayerHasAStrongTagA304AndItsGzipBesideThePlainBytes() {
        for (String path : LAYERS) {
            HttpResponse<byte[]> plain = get(server, path);
            assertEquals(200, plain.statusCode(), path);
            String etag = header(plain, "ETag");
            assertTrue(etag.startsWith("\"") && etag.endsWith("\""), path + " has a strong tag: " + etag);
            assertEquals("no-cache", header(plain, "Cache-Control"), path);
            assertEquals("", header(plain, "Content-Encoding"), path + ": plain to a client that asks for no gzip");
            String text = new String(plain.body(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("{\"type\":\"Feature"), path + ": " + text.substring(0, Math.min(80, text.length())));

            HttpResponse<byte[]> zipped = get(server, path, "Accept-Encoding", "gzip, deflate, br");
            assertEquals("gzip", header(zipped, "Content-Encoding"), path);
            assertEquals(text, gunzip(zipped.body()), path + ": the gzip holds the same bytes");
            assertEquals(etag, header(zipped, "ETag"));
            assertTrue(header(zipped, "Vary").contains("Accept-Encoding"), path);

            HttpResponse<byte[]> again = get(server, path, "If-None-Match", etag, "Accept-Encoding", "gzip");
            assertEquals(304, again.statusCode(), path);
            assertEquals(0, again.body().length);
            assertEquals(etag, header(get(second, path), "ETag"), path + ": the same bytes on another node");
        }
        assertEquals("", header(get(server, "/api/grids", "Accept-Encoding", "gzip;q=0, identity"), "Content-Encoding"), "q=0 refuses gzip");
        for (String catalogue : List.of("/ogc/collections", "/ogc/collections?f=html")) {
            HttpResponse<byte[]> first = get(server, catalogue);
            assertEquals(200, first.statusCode(), catalogue);
            assertEquals(304, get(server, catalogue, "If-None-Match", header(first, "ETag")).statusCode(), catalogue + " is kept too");
        }
        assertNotEquals(header(get(server, "/ogc/collections"), "ETag"), header(get(server, "/ogc/collections?f=html"), "ETag"));
    }

    @Test
    void aCommittedChangeIsServedAtOnceByThisNodeAndEveryOther() {
        String before = header(get(server, "/api/grids"), "ETag");
        assertEquals(before, header(get(second, "/api/grids"), "ETag"));
        int grid = Fixtures.id(db, "grid", Fixtures.GRID_1);
        Sql.update(db.dataSource(), "UPDATE grid SET name = '改名网格' WHERE id = ?", grid);
        try {
            for (TestServer s : List.of(server, second)) {
                String list = new String(get(s, "/api/grids").body(), StandardCharsets.UTF_8);
                assertTrue(list.contains("改名网格"), "the rename is served at once");
                assertNotEquals(before, header(get(s, "/api/grids"), "ETag"));
                assertTrue(new String(get(s, "/api/grids/" + grid).body(), StandardCharsets.UTF_8).contains("改名网格"));
            }
            Sql.update(db.dataSource(), "UPDATE address SET households = households + 7 WHERE grid_id = ?", grid);
            assertNotEquals(header(get(server, "/api/grids?community=1"), "ETag"), before, "households are part of the list");
        } finally {
            Sql.update(db.dataSource(), "UPDATE grid SET name = '第一网格' WHERE id = ?", grid);
        }
    }

    @Test
    void whileTheDatabaseIsAwayTheKeptLayersAreServedAndHealthSays503ThenRecoversOnItsOwn() throws Exception {
        for (String path : LAYERS) {
            assertEquals(200, get(server, path).statusCode());
        }
        String name = Sql.one(db.dataSource(), "SELECT current_database()", rs -> rs.getString(1)).orElseThrow();
        var cluster = TestDatabase.server();
        // what the pool, the live inbox and the error mapper say of the outage is the subject here, not noise for the build's log
        var log = LogCapture.named("com.zaxxer.hikari", org.partymap.consult.LiveInbox.class.getName(), ErrorMapper.class.getName());
        TestDatabase.execute(cluster, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        try (log) {
            TestDatabase.execute(cluster, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            long start = System.nanoTime();
            HttpResponse<byte[]> health = untilStatus(server, "/api/health", 503);
            String body = new String(health.body(), StandardCharsets.UTF_8);
            assertTrue(body.contains("the database does not answer"), body);
            assertFalse(body.toLowerCase(java.util.Locale.ROOT).contains("connection") || body.contains("FATAL"), "no driver message: " + body);
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "503 within seconds");
            for (String path : LAYERS) {
                assertEquals(200, get(server, path).statusCode(), path + " is served from the kept bytes");
            }
            HttpResponse<byte[]> lookUp = get(server, "/api/locate?lon=120.145&lat=33.385");
            assertEquals(503, lookUp.statusCode(), "a look-up that needs the database is a 503 the client may retry");
            assertEquals("5", header(lookUp, "Retry-After"));
            TestDatabase.execute(cluster, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            assertEquals("{\"status\":\"ok\"}", new String(untilStatus(server, "/api/health", 200).body(), StandardCharsets.UTF_8));
            assertEquals(200, untilStatus(server, "/api/locate?lon=120.145&lat=33.385", 200).statusCode(), "and the look-ups read it again");
            assertTrue(log.lines().stream().noneMatch(l -> l.startsWith("ERROR")), "no request failed as a bug: " + log.lines());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("found no database")), log.lines().toString());
        } finally {
            TestDatabase.execute(cluster, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }
    }

    /** Asks again (a probe is at most a second old) until the status comes, for at most 20 s. */
    private static HttpResponse<byte[]> untilStatus(TestServer s, String path, int status) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        HttpResponse<byte[]> r;
        do {
            r = get(s, path);
            if (r.statusCode() == status) {
                return r;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        throw new AssertionError(path + " did not answer " + status + " within 20 s; last " + r.statusCode());
    }
}
