package org.partymap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.partymap.App;
import org.partymap.Config;
import org.partymap.db.Database;

/** The real app on a free port over a test database, and a small HTTP client for it. */
public final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(Javalin app) {
        this.app = app;
    }

    public static TestServer start(Database db) {
        return start(db, Map.of());
    }

    /** Starts with extra PARTYMAP_* settings on top of the test defaults. */
    public static TestServer start(Database db, Map<String, String> env) {
        var settings = new java.util.HashMap<>(Map.of(
                "PARTYMAP_PORT", "0",
                "PARTYMAP_HOME", Path.of(System.getProperty("java.io.tmpdir"), "partymap-test-home").toString(),
                "PARTYMAP_DATA", Path.of("data").toAbsolutePath().toString()));
        settings.putAll(env);
        return new TestServer(App.create(Config.fromEnv(settings), db).start());
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The app's routes as "METHOD /path" (Javalin's own table: what the server really serves). */
    public java.util.List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .toList();
    }

    /** Whether some route answers this method and concrete path. */
    public boolean serves(String method, String path) {
        return !app.unsafe.internalRouter.findHttpHandlerEntries(io.javalin.http.HandlerType.findOrCreate(method), path).isEmpty();
    }

    @Override
    public void close() {
        app.stop();
    }
}
