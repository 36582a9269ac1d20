package org.partymap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partymap.App;
import org.partymap.Config;
import org.partymap.auth.AccessControl;
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
        return start(db, env, java.time.Clock.systemUTC());
    }

    /** Starts with extra settings and the clock the service half reads (a {@code MutableClock} in tests of time). */
    public static TestServer start(Database db, Map<String, String> env, java.time.Clock clock) {
        var settings = new java.util.HashMap<>(Map.of(
                "PARTYMAP_PORT", "0",
                "PARTYMAP_HOME", Path.of(System.getProperty("java.io.tmpdir"), "partymap-test-home").toString(),
                "PARTYMAP_DATA", Path.of("data").toAbsolutePath().toString()));
        settings.putAll(env);
        return new TestServer(App.create(Config.fromEnv(settings), db, clock).start());
    }

    public int port() {
        return app.port();
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

    /** A route of the running app: its method, path template and declared roles. */
    public record Route(String method, String path, Set<RouteRole> roles) {
        public String key() {
            return method + " " + path;
        }
    }

    /** Every HTTP route the app registered with its roles, read from Javalin's router. */
    public List<Route> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> new Route(e.method.name(), e.path, AccessControl.rolesOf(e)))
                .toList();
    }

    /** Logs in with a password and returns the session, failing the test when the login fails. */
    public Session login(String username, String password) {
        HttpResponse<String> r = call("POST", "/api/login").json(Map.of("username", username, "password", password)).send();
        if (r.statusCode() != 200) {
            throw new AssertionError("login as " + username + " failed: " + r.statusCode() + " " + r.body());
        }
        return Session.from(r);
    }

    /** Logs in as an account made by {@link TestAccounts}. */
    public Session login(String username) {
        return login(username, TestAccounts.PASSWORD);
    }

    /** A request to build: {@code server.call("POST", "/api/x").as(session).json(body).send()}. */
    public Call call(String method, String pathAndQuery) {
        return new Call(method, pathAndQuery);
    }

    /** A session cookie, as the browser would send it back. */
    public record Session(String cookie) {
        static Session from(HttpResponse<String> login) {
            String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("Max-Age=") && !c.contains("Max-Age=0"))
                    .filter(c -> !c.startsWith("partymap_device=") && !c.startsWith("__Host-partymap-device="))
                    .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + login.headers()));
            return new Session(setCookie.substring(0, setCookie.indexOf(';')));
        }
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call as(Session session) {
            if (session != null) {
                headers.put("Cookie", session.cookie());
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: a string as it is, anything else written by Jackson. */
        public Call json(Object value) {
            try {
                body = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Call body(byte[] bytes, String contentType) {
            body = bytes;
            headers.put("Content-Type", contentType);
            return this;
        }

        public HttpResponse<String> send() {
            var builder = HttpRequest.newBuilder(uri(path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            return TestServer.this.send(builder.build());
        }
    }

    /** A GET that must answer 200; its body as JSON. */
    public JsonNode ok(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ", not 200: " + r.body());
        }
        return json(r);
    }

    /** A GET that must answer problem+json with this status and a detail; the problem. */
    public JsonNode problem(String pathAndQuery, int status) {
        HttpResponse<String> r = get(pathAndQuery);
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = r.statusCode() == status && type.startsWith("application/problem+json") ? json(r) : null;
        if (body == null || body.get("status").asInt() != status || body.path("detail").asText().isBlank()) {
            throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + " " + type + ", not a " + status + " problem: " + r.body());
        }
        return body;
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
