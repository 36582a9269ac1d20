package org.partymap.http;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.App;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.LogCapture;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/**
 * Hostile input in every parameter and every body of every route, sent as an admin (so that
 * access control lets it through to the handler): each answer is a 4xx problem with a reason,
 * or — for free text, where SQL metacharacters are just text — a normal answer; never a 500;
 * and no table changes. Routes come from the app's router: a route missing from
 * {@link #ROUTES} fails the test.
 */
class HostileInputIT {

    /** How a route takes input: its query parameters, a valid base query, and its body. */
    record Input(List<String> numbers, List<String> texts, String baseQuery, Body body) {
    }

    enum Body { NONE, JSON, FILE }

    private static Input input(String baseQuery, Body body, List<String> numbers, List<String> texts) {
        return new Input(numbers, texts, baseQuery, body);
    }

    private static Input none() {
        return input("", Body.NONE, List.of(), List.of());
    }

    /**
     * Every route's inputs. "numbers" are parameters that must be numbers, ids, coordinates, a
     * bbox or one of a fixed set: anything hostile there is a 400. "texts" are free text.
     */
    static final Map<String, Input> ROUTES = Map.ofEntries(
            entry("GET /api/health", none()),
            entry("GET /api/admin/status", none()),
            entry("GET /api/subdistricts", input("", Body.NONE, List.of("bbox"), List.of())),
            entry("GET /api/communities", input("", Body.NONE, List.of("subdistrict", "bbox"), List.of())),
            entry("GET /api/grids", input("", Body.NONE, List.of("community", "subdistrict", "bbox"), List.of())),
            entry("GET /api/grids/{id}", none()),
            entry("GET /api/grids/{id}/card", none()),
            entry("GET /api/grids/{id}/card.pdf", none()),
            entry("GET /api/communities/{id}/cards.pdf", none()),
            entry("GET /api/subdistricts/{id}/cards.pdf", none()),
            entry("GET /api/locate", input("lon=120.145&lat=33.385", Body.NONE, List.of("lon", "lat"), List.of())),
            entry("GET /api/geocode", input("q=%E4%BA%BA%E6%B0%91%E8%B7%AF12%E5%8F%B7", Body.NONE, List.of("limit"), List.of("q"))),
            entry("GET /api/reverse", input("lon=120.145&lat=33.385", Body.NONE, List.of("lon", "lat"), List.of())),
            entry("GET /api/stations", input("", Body.NONE, List.of("kind", "community", "bbox"), List.of())),
            entry("GET /api/streets", input("", Body.NONE, List.of("class", "bbox"), List.of())),
            entry("GET /api/nearest", input("lon=120.145&lat=33.385", Body.NONE,
                    List.of("lon", "lat", "kind", "limit", "mode", "include"), List.of("service", "address"))),
            entry("GET /api/config", none()),
            entry("GET /api/basemap", input("bbox=120.14,33.38,120.15,33.39&z=15", Body.NONE, List.of("bbox", "z"), List.of("v"))),
            entry("GET /api/communities/{id}/notices", input("", Body.NONE, List.of("kind", "limit"), List.of())),
            entry("GET /api/communities/{id}/notices.atom", none()),
            entry("GET /api/notices/{id}", none()),
            entry("POST /api/communities/{id}/notices", input("", Body.JSON, List.of(), List.of())),
            entry("PATCH /api/notices/{id}", input("", Body.JSON, List.of(), List.of())),
            entry("DELETE /api/notices/{id}", none()),
            entry("GET /api/stations/{id}/slots", input("", Body.NONE, List.of("from", "days"), List.of())),
            entry("POST /api/bookings", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/bookings/mine", none()),
            entry("POST /api/bookings/mine/cancel", none()),
            entry("GET /api/bookings", input("station=1", Body.NONE, List.of("station", "date"), List.of())),
            entry("GET /api/grids/{id}/ask", none()),
            entry("POST /api/questions", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/questions/mine", none()),
            entry("POST /api/questions/mine/messages", input("", Body.JSON, List.of(), List.of())),
            entry("POST /api/questions/mine/resolution", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/communities/{id}/consult-stats", input("", Body.NONE, List.of("weeks"), List.of())),
            entry("GET /api/inbox", input("", Body.NONE, List.of("state", "grid", "limit", "offset"), List.of())),
            entry("GET /api/inbox/events", none()),
            entry("GET /api/questions/{id}", none()),
            entry("POST /api/questions/{id}/answers", input("", Body.JSON, List.of(), List.of())),
            entry("POST /api/questions/{id}/transfer", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/consult/stats", input("grid=1", Body.NONE, List.of("grid", "community", "subdistrict", "weeks"), List.of())),
            entry("PUT /api/communities/{id}/service-hours", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/stations/{id}/activities", input("", Body.NONE, List.of("days"), List.of())),
            entry("GET /api/stations/{id}/activities.ics", none()),
            entry("GET /api/communities/{id}/activities", input("", Body.NONE, List.of("days"), List.of())),
            entry("GET /api/communities/{id}/activities.ics", none()),
            entry("POST /api/activities", input("", Body.JSON, List.of(), List.of())),
            entry("PATCH /api/activities/{id}", input("", Body.JSON, List.of(), List.of())),
            entry("DELETE /api/activities/{id}", none()),
            entry("GET /api/activities/{id}/signups", none()),
            entry("POST /api/activities/{id}/signups", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/signups/mine", none()),
            entry("POST /api/signups/mine/cancel", none()),
            entry("GET /api/communities/{id}/service-projects", none()),
            entry("POST /api/communities/{id}/service-projects", input("", Body.JSON, List.of(), List.of())),
            entry("PATCH /api/service-projects/{id}", input("", Body.JSON, List.of(), List.of())),
            entry("DELETE /api/service-projects/{id}", none()),
            entry("GET /api/communities/{id}/wishes", none()),
            entry("POST /api/wishes/{id}/claim", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/wishes/mine", none()),
            entry("GET /api/wishes", input("", Body.NONE, List.of("grid", "community", "limit", "offset"), List.of())),
            entry("POST /api/wishes", input("", Body.JSON, List.of(), List.of())),
            entry("POST /api/wishes/{id}/confirm", none()),
            entry("POST /api/wishes/{id}/release", none()),
            entry("POST /api/wishes/{id}/fulfil", input("", Body.JSON, List.of(), List.of())),
            entry("DELETE /api/wishes/{id}", none()),
            entry("GET /api/care/households", input("", Body.NONE, List.of("grid", "limit", "offset"), List.of())),
            entry("GET /api/care/residents/{id}", none()),
            entry("POST /api/care/visits", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/care/coverage", input("community=1", Body.NONE, List.of("community"), List.of())),
            entry("POST /api/login", input("", Body.JSON, List.of(), List.of())),
            entry("POST /api/logout", none()),
            entry("GET /api/me", none()),
            entry("POST /api/me/password", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/me/sessions", none()),
            entry("DELETE /api/me/sessions/{id}", none()),
            entry("POST /api/me/sessions/end-others", none()),
            entry("GET /api/residents", input("", Body.NONE, List.of("grid", "review", "limit", "offset"), List.of("q"))),
            entry("GET /api/residents/{id}", none()),
            entry("GET /api/subdistricts/{id}/workload", none()),
            entry("PUT /api/residents/{id}/location", input("", Body.JSON, List.of(), List.of())),
            entry("POST /api/residents/imports", input("name=hostile.csv", Body.FILE, List.of("force"), List.of("name"))),
            entry("GET /api/residents/imports/{id}", none()),
            entry("GET /api/review/residents", input("", Body.NONE, List.of("grid", "import", "limit", "offset"), List.of())),
            entry("GET /api/planner/communities", none()),
            entry("GET /api/planner/communities/{id}", input("", Body.NONE, List.of("min", "max"), List.of())),
            entry("GET /api/planner/communities/{id}/blocks", none()),
            entry("GET /api/planner/communities/{id}/proposal", input("", Body.NONE, List.of("classes", "min", "max", "dedicated"), List.of())),
            entry("POST /api/planner/edits/preview", input("", Body.JSON, List.of(), List.of())),
            entry("POST /api/planner/edits", input("", Body.JSON, List.of(), List.of())),
            entry("GET /api/planner/grids/{id}/history", none()),
            entry("GET /api/planner/grids/{id}/versions/{version}", none()),
            entry("GET /api/planner/export", input("", Body.NONE, List.of("format", "layer", "subdistrict", "community"), List.of())),
            entry("GET /api/admin/users", none()),
            entry("POST /api/admin/users", input("", Body.JSON, List.of(), List.of())),
            entry("PATCH /api/admin/users/{id}", input("", Body.JSON, List.of(), List.of())),
            entry("POST /api/admin/users/{id}/password", none()),
            entry("GET /api/admin/users/{id}/sessions", none()),
            entry("POST /api/admin/users/{id}/sessions/end", none()),
            entry("GET /api/admin/audit", input("", Body.NONE, List.of("limit", "before", "from", "to"),
                    List.of("action", "user", "target_type", "target_id"))),
            entry("GET /api/admin/audit/export", input("", Body.NONE, List.of("before", "from", "to"),
                    List.of("action", "user", "target_type", "target_id"))),
            entry("POST /api/admin/import", input("layer=stations&format=csv", Body.FILE, List.of("layer", "crs", "format"), List.of("name"))),
            entry("GET /api/openapi.json", none()),
            entry("GET /ogc", input("", Body.NONE, List.of("f"), List.of())),
            entry("GET /ogc/conformance", input("", Body.NONE, List.of("f"), List.of())),
            entry("GET /ogc/collections", input("", Body.NONE, List.of("f"), List.of())),
            entry("GET /ogc/collections/{collectionId}", input("", Body.NONE, List.of("f"), List.of())),
            entry("GET /ogc/collections/{collectionId}/items", input("", Body.NONE, List.of("limit", "offset", "bbox", "datetime", "f"),
                    List.of("code", "name"))),
            entry("GET /ogc/collections/{collectionId}/items/{featureId}", input("", Body.NONE, List.of("f"), List.of())),
            entry("GET /ogc/collections/{collectionId}/queryables", input("", Body.NONE, List.of("f"), List.of())),
            entry("GET /ogc/collections/{collectionId}/schema", input("", Body.NONE, List.of("f"), List.of())));

    /** Query values (already percent-encoded where needed) that no number-like parameter accepts. */
    private static final List<String> NOT_NUMBERS = List.of(
            enc("' OR 1=1 --"), enc("1; DROP TABLE resident; --"), enc("1' UNION SELECT name FROM resident --"),
            "NaN", "Infinity", "-Infinity", "1e309", "0x1F", enc("１２"), "9".repeat(5000), enc("1,2,3,4,5"));
    /** Query values no parameter at all accepts. */
    private static final List<String> NEVER = List.of("%ff%fe", "%C0%AF", "%ED%A0%80", "abc%00def", "%0d%0aX-Injected:%20yes", "%7f");
    private static final List<String> TEXT = List.of(enc("' OR 1=1 --"), enc("%' OR name LIKE '%"), enc("\\"), enc("_%"),
            enc("\"; DROP TABLE resident; --"), "x".repeat(5000));
    /** Path parameters whose valid sample is not "1". */
    private static final Map<String, String> PATH_SAMPLES = Map.of("collectionId", "grids");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final List<String> PATH_IDS = List.of("abc", "-1", "0", "1.5", "99999999999", "1%20OR%201=1", "%27", "1e3", "NaN", "9".repeat(3000));

    private static final List<byte[]> BAD_JSON = List.of(
            utf8("{\"username\": "), utf8("[1, 2]"), utf8("\"text\""), utf8("null"), utf8(""), utf8("{\"username\": NaN}"),
            utf8("{\"a\": 1} {\"b\": 2}"), utf8("{\"username\": \"x\", \"username\": \"y\"}"), utf8("{\"username\": 1e999}"),
            utf8("[".repeat(100_000)), utf8("{\"username\": \"" + "x".repeat(900_000) + "\"}"),
            new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
            utf8("{\"username\": \"' OR 1=1 --\", \"password\": \"' OR 1=1 --\", \"role\": \"admin\"}"),
            utf8("{\"username\": {\"$gt\": \"\"}, \"password\": [\"x\"]}"),
            utf8("{\"unexpected\": true}"),
            utf8("{\"username\": \"'; DROP TABLE app_user; --\", \"role\": \"admin\"}"),
            utf8("{\"username\": \"x\u0000y\", \"role\": \"admin\"}"),
            utf8("{\"role\": \"superuser\"}"),
            utf8("{\"role\": \"planner\", \"scope\": [\"' OR 1=1 --\"]}"),
            utf8("{\"disabled\": \"yes\"}"),
            utf8("{\"scope\": [1, 2, 3]}"));

    private static final List<byte[]> BAD_FILES = List.of(
            utf8("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"x\", \"kind\": \"activity_room\"}, "
                    + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [NaN, 33.3]}}]}"),
            utf8("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"x\", \"kind\": \"activity_room\"}, "
                    + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [1e999, 33.3]}}]}"),
            utf8("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"x\", \"kind\": \"activity_room\"}, "
                    + "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[120.1, 33.3], [120.2, 33.4], [120.2, 33.3], [120.1, 33.4], [120.1, 33.3]]]}}]}"),
            utf8("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\""),
            utf8("{\"type\": \"Topology\"}"),
            utf8("name,kind,lon,lat\n'; DROP TABLE station; --,activity_room,120.145\n"),
            utf8("name,kind,lon,lat\nx,activity_room,NaN,Infinity\n"),
            new byte[] {'n', 'a', 'm', 'e', ',', 'k', 'i', 'n', 'd', ',', 'l', 'o', 'n', ',', 'l', 'a', 't', '\n', (byte) 0xff, (byte) 0xfe, (byte) 0x80, ',', 'x', '\n'},
            utf8(""));

    private static Database db;
    private static TestServer server;
    private static Session admin;
    private String before;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.seedResidents(db);
        TestAccounts.create(db, "admin", Role.ADMIN);
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0", "PARTYMAP_IMPORT_MAX_MB", "1"));
        admin = server.login("admin");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @BeforeEach
    void snapshot() {
        before = state();
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(before, state(), "a hostile request changed a table");
    }

    @Test
    void everyRouteHasItsInputsDeclared() {
        var missing = new TreeSet<String>();
        server.endpoints().forEach(r -> {
            if (!ROUTES.containsKey(r.key())) {
                missing.add(r.key());
            }
        });
        if (!missing.isEmpty()) {
            fail("routes without a line in HostileInputIT.ROUTES (declare their parameters and body): " + missing);
        }
    }

    @Test
    void hostileQueryParametersGetAReasonNeverAServerError() {
        var problems = new ArrayList<String>();
        for (TestServer.Route route : server.endpoints()) {
            Input in = ROUTES.get(route.key());
            if (in == null) {
                continue;
            }
            String path = sample(route.path(), null, null);
            var params = new ArrayList<String>(in.numbers());
            params.addAll(in.texts());
            // an undeclared parameter is ignored, so only values refused everywhere are sent in it
            // (anything else would simply run the route, which for some routes changes things)
            params.add("unknown_parameter");
            for (String param : params) {
                var values = new ArrayList<String>(NEVER);
                if (!param.equals("unknown_parameter")) {
                    values.addAll(in.numbers().contains(param) ? NOT_NUMBERS : TEXT);
                }
                for (String value : values) {
                    boolean mustRefuse = NEVER.contains(value) || in.numbers().contains(param);
                    check(problems, route.method(), path + "?" + withParam(in.baseQuery(), param, value), null, null, mustRefuse);
                }
            }
            // the same parameter twice
            if (!params.isEmpty() && !params.get(0).equals("unknown_parameter")) {
                check(problems, route.method(), path + "?" + withParam(in.baseQuery(), params.get(0), "1") + "&" + params.get(0) + "=2",
                        null, null, true);
            }
        }
        report(problems);
    }

    @Test
    void hostilePathParametersGetAReasonNeverAServerError() {
        var problems = new ArrayList<String>();
        for (TestServer.Route route : server.endpoints()) {
            Input in = ROUTES.getOrDefault(route.key(), none());
            Matcher names = PATH_PARAMETER.matcher(route.path());
            while (names.find()) {
                for (String value : PATH_IDS) {
                    byte[] body = in.body() == Body.JSON ? utf8("{}") : null;
                    check(problems, route.method(), sample(route.path(), names.group(1), value), body,
                            in.body() == Body.JSON ? "application/json" : null, true);
                }
            }
        }
        report(problems);
    }

    @Test
    void brokenJsonBodiesGetAReasonNeverAServerError() {
        var problems = new ArrayList<String>();
        try (LogCapture log = LogCapture.of(io.javalin.Javalin.class)) { // the oversized bodies make Javalin warn, as it should
            jsonBodies(problems);
            assertFalse(log.lines().isEmpty(), "Javalin warns of the oversized bodies it refuses");
            log.lines().forEach(line -> assertEquals("WARN Body size greater than max size (" + App.MAX_BODY_BYTES + " bytes)", line));
        }
        report(problems);
    }

    private void jsonBodies(List<String> problems) {
        for (TestServer.Route route : server.endpoints()) {
            Input in = ROUTES.get(route.key());
            if (in == null || in.body() != Body.JSON) {
                continue;
            }
            String path = sample(route.path(), null, null);
            for (byte[] body : BAD_JSON) {
                check(problems, route.method(), path, body, "application/json", !route.path().equals("/api/logout"));
            }
            check(problems, route.method(), path, utf8("{}"), "text/plain", true);
            check(problems, route.method(), path, utf8("username=x&password=y"), "application/x-www-form-urlencoded", true);
            check(problems, route.method(), path, new byte[(int) App.MAX_BODY_BYTES + 10], "application/json", true);
        }
    }

    @Test
    void brokenLayerFilesGetAReasonNeverAServerError() {
        var problems = new ArrayList<String>();
        for (byte[] file : BAD_FILES) {
            check(problems, "POST", "/api/admin/import?layer=stations", file, "application/geo+json", true);
            check(problems, "POST", "/api/admin/import?layer=stations&format=csv", file, "text/csv", true);
        }
        // a vertex count past the limit, and a file past the upload limit (1 MB here)
        var many = new StringBuilder("{\"type\": \"Feature\", \"properties\": {\"name\": \"huge\"}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [");
        for (int i = 0; i < 50_001; i++) {
            many.append(i == 0 ? "" : ",").append("[120.1").append(i % 10).append(", 33.3").append(i % 7).append(']');
        }
        many.append("]}}");
        check(problems, "POST", "/api/admin/import?layer=streets", utf8(many.toString()), "application/geo+json", true);
        check(problems, "POST", "/api/admin/import?layer=stations", new byte[1024 * 1024 + 1], "application/geo+json", true);
        report(problems);
    }

    @Test
    void brokenResidentRegistersGetAReasonNeverAServerError() {
        var problems = new ArrayList<String>();
        var registers = new ArrayList<>(BAD_FILES);
        registers.add(utf8("姓名,居住地址\n'; DROP TABLE resident; --\n"));
        registers.add(utf8("姓名,居住地址,身份证号\n张三,人民路12号,' OR 1=1 --\n"));
        registers.add(utf8("姓名,居住地址\n" + "x".repeat(70) + ",人民路12号\n"));
        registers.add(utf8("姓名,居住地址\n张三,\"人民路12号\u0000\"\n"));
        registers.add(utf8("姓名,居住地址\n张三,人民路12号,多余\n"));
        registers.add(utf8("姓名,居住地址,联系电话\n张三,人民路12号,=cmd|' /C calc'!A0\n"));
        for (byte[] file : registers) {
            check(problems, "POST", "/api/residents/imports?name=hostile.csv", file, "text/csv", true);
        }
        check(problems, "POST", "/api/residents/imports", new byte[1024 * 1024 + 1], "text/csv", true);
        report(problems);
    }

    @Test
    void malformedRequestsThatNoHttpLibrarySendsGetAProblemToo() throws Exception {
        var problems = new ArrayList<String>();
        List<byte[]> requestLines = List.of(
                utf8("GET /api/grids?bbox=%zz HTTP/1.1"),
                utf8("GET /api/grids?bbox=% HTTP/1.1"),
                utf8("GET /api/grids/%zz HTTP/1.1"),
                utf8("GET /api/%E4%B8 HTTP/1.1"),
                utf8("GET /api/grids/1%00 HTTP/1.1"),
                concat(utf8("GET /api/residents?q="), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc0}, utf8(" HTTP/1.1")),
                concat(utf8("GET /api/"), new byte[] {(byte) 0xff, (byte) 0x80}, utf8(" HTTP/1.1")),
                utf8("GET /api/grids?" + "a=1&".repeat(3000) + " HTTP/1.1"),
                utf8("GET /../../etc/passwd HTTP/1.1"),
                utf8("BREW /api/grids HTTP/1.1"),
                utf8("GET /api/grids HTTP/9.9"));
        for (byte[] line : requestLines) {
            String answer = raw(concat(line, utf8("\r\nHost: 127.0.0.1\r\nCookie: " + admin.cookie() + "\r\nConnection: close\r\n\r\n")));
            expectProblem(problems, new String(line, StandardCharsets.ISO_8859_1), answer);
        }
        String bigHeader = raw(utf8("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"));
        expectProblem(problems, "a 20 kB header", bigHeader);
        report(problems);
    }

    private static void expectProblem(List<String> problems, String what, String answer) {
        String head = answer.lines().findFirst().orElse("");
        int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0;
        // 505 is the one 5xx allowed: the client asked for an HTTP version that does not exist
        if (status < 400 || status >= 500 && status != 505) {
            problems.add(abbreviate(what) + " → " + abbreviate(head));
        } else if (!answer.contains("Content-Type: " + Problem.MEDIA_TYPE) || !answer.contains("\"detail\"")) {
            problems.add(abbreviate(what) + " → " + status + " without a problem+json reason: " + abbreviate(answer.replace("\r\n", " | ")));
        }
    }

    /** Sends bytes over a plain socket and returns everything the server answers. */
    private static String raw(byte[] request) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String contentType) {
        var call = server.call(method, pathAndQuery).as(admin).header("Origin", "http://127.0.0.1:" + server.port());
        if (body != null) {
            call.body(body, contentType);
        }
        return call.send();
    }

    private static void check(List<String> problems, String method, String pathAndQuery, byte[] body, String contentType, boolean mustRefuse) {
        HttpResponse<String> r;
        try {
            r = send(method, pathAndQuery, body, contentType);
        } catch (IllegalArgumentException e) {
            problems.add(method + " " + abbreviate(pathAndQuery) + ": the test could not send it: " + e.getMessage());
            return;
        } catch (IllegalStateException lost) {
            // A body over the limit is refused by its declared length before it is read; the server then closes the
            // connection under a client still writing, and now and then the kernel's reset takes the 413 with it.
            // That race is TCP's, not the refusal's: ask once more, and only a second loss counts.
            if (body == null || body.length <= App.MAX_BODY_BYTES) {
                throw lost;
            }
            r = send(method, pathAndQuery, body, contentType);
        }
        String what = method + " " + abbreviate(pathAndQuery) + (body == null ? "" : " with " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        if (r.statusCode() >= 500) {
            problems.add(what + " → " + r.statusCode() + " " + abbreviate(r.body()));
        } else if (r.statusCode() >= 400) {
            String type = r.headers().firstValue("Content-Type").orElse("");
            // /api answers problem+json (detail); /ogc answers OGC exceptions (code, description)
            boolean reasoned = pathAndQuery.startsWith("/ogc") ? r.body().contains("\"description\"")
                    : type.startsWith(Problem.MEDIA_TYPE) && r.body().contains("\"detail\"");
            if (!reasoned) {
                problems.add(what + " → " + r.statusCode() + " without a problem+json reason: " + type + " " + abbreviate(r.body()));
            }
        } else if (mustRefuse) {
            problems.add(what + " → " + r.statusCode() + ", expected a 4xx");
        }
    }

    /** The path with every parameter set to its sample (1 unless {@link #PATH_SAMPLES} says otherwise), {@code name} to {@code value}. */
    private static String sample(String template, String name, String value) {
        return PATH_PARAMETER.matcher(template).replaceAll(m -> m.group(1).equals(name) ? Matcher.quoteReplacement(value)
                : Matcher.quoteReplacement(PATH_SAMPLES.getOrDefault(m.group(1), "1")));
    }

    private static String withParam(String baseQuery, String param, String value) {
        var parts = new ArrayList<String>();
        for (String p : baseQuery.split("&")) {
            if (!p.isEmpty() && !p.startsWith(param + "=")) {
                parts.add(p);
            }
        }
        parts.add(param + "=" + value);
        return String.join("&", parts);
    }

    /** A digest of every table that a request could change (logs of reads and logins excepted). */
    private static String state() {
        var digests = new ArrayList<String>();
        for (String table : List.of("subdistrict", "community", "grid", "grid_version", "street", "estate", "building", "address",
                "station", "resident", "app_user_grid", "app_user_subdistrict", "app_user_community", "notice", "booking",
                "question", "question_event", "activity", "activity_signup", "service_project", "wish", "app_user_party_group", "care_visit",
                "app_secret")) {
            digests.add(table + ":" + Sql.one(db.dataSource(),
                    "SELECT count(*) || '/' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t",
                    rs -> rs.getString(1)).orElseThrow());
        }
        digests.add("app_user:" + Sql.one(db.dataSource(), """
                SELECT md5(string_agg(concat_ws(',', id, username, display_name, role, password_hash, disabled, must_change_password), '|' ORDER BY id))
                  FROM app_user""", rs -> rs.getString(1)).orElseThrow());
        return String.join("\n", digests);
    }

    private static void report(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " hostile requests were mishandled:\n" + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }
}
