package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.http.Problem;
import org.partymap.resident.ResidentImporter;
import org.partymap.resident.ResidentPlacement;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/**
 * Every route of the app, called by every kind of caller, against the status each must get.
 * The routes come from Javalin's own router, so a route added without a line here fails
 * {@link #everyRouteOfTheAppHasALineInTheMatrix}.
 *
 * <p>To add a line: the route as the route table declares it, a request that targets something
 * in scope (placeholders below), and six statuses in the order of {@link Caller}. "In scope"
 * means the resident, grid or subdistrict the request names is in the caller's scope; "out of
 * scope" callers have the same role but a scope elsewhere. Requests that change something are
 * sent same-origin; write them so that a second success would not fail (only the admin's call
 * usually succeeds).
 *
 * <p>Placeholders: {resident} a resident of grid 1, {grid} grid 1, {community} grid 1's community
 * (莲花路社区), {subdistrict} the sample's subdistrict, {user} a spare account for admin operations,
 * {notice} a notice of {community}, {station} the 网格驿站 of grid 1, {question} a 社区通 question of grid 1,
 * {activity} and {activity2} public activities with seats at {station}, {project} and {project2} 服务项目 of {community},
 * {wish} an open 微心愿 of grid 1 and {fulfilled} a fulfilled one, {today} today's date in Shanghai.
 *
 * <p>A seventh caller, a party member, gets what the public gets on public routes, its own
 * answer on the routes that admit its role ({@link #PARTY_MEMBER}), and 403 everywhere else.
 */
class AccessMatrixIT {

    /** The kinds of caller, in the order of a line's statuses. */
    enum Caller { PUBLIC, WORKER_IN_SCOPE, WORKER_OUT_OF_SCOPE, PLANNER_IN_SCOPE, PLANNER_OUT_OF_SCOPE, ADMIN }

    record Line(String route, String method, String path, String body, boolean endsSession, int[] statuses) {
    }

    private static Line line(String route, String path, int... statuses) {
        return new Line(route, route.split(" ")[0], path, null, false, statuses);
    }

    private static Line line(String route, String path, String jsonBody, int... statuses) {
        return new Line(route, route.split(" ")[0], path, jsonBody, false, statuses);
    }

    /** A line whose call ends the caller's session (login, logout): the caller logs in again after it. */
    private static Line sessionLine(String route, String path, String jsonBody, int... statuses) {
        return new Line(route, route.split(" ")[0], path, jsonBody, true, statuses);
    }

    private static final String NO_SESSION = "00000000-0000-4000-8000-000000000000";
    private static final String WEAK_PASSWORD = "{\"current_password\": \"" + TestAccounts.PASSWORD + "\", \"new_password\": \"short\"}";
    /** A planner's edit of {grid}'s attributes: valid, so that only access decides (a save without If-Match is 428 past access). */
    private static final String GRID_ATTRIBUTES = "{\"kind\": \"attributes\", \"grid\": {grid}, \"reason\": \"矩阵\", "
            + "\"attributes\": {\"name\": \"第一网格\", \"branch_name\": \"第一网格党支部\"}}";
    private static final String REGISTER_CSV = "姓名,居住地址\n矩阵居民,人民路12号\n";
    private static final String NOTICE = "{\"kind\": \"news\", \"title\": \"矩阵公告\", \"body\": \"矩阵测试。\"}";
    private static final String ACTIVITY = "{\"station\": {station}, \"title\": \"矩阵活动\", \"kind\": \"party\", "
            + "\"start\": \"2030-01-05T09:00:00+08:00\", \"end\": \"2030-01-05T10:00:00+08:00\", \"capacity\": 5}";
    private static final String STATION_CSV = "name,kind,lon,lat\n矩阵测试活动室,activity_room,120.1455,33.3855\n";

    //                                                                                              public worker-in worker-out planner-in planner-out admin
    static final List<Line> MATRIX = List.of(
            line("GET /api/health", "/api/health",                                                      200, 200, 200, 200, 200, 200),
            line("GET /api/subdistricts", "/api/subdistricts",                                          200, 200, 200, 200, 200, 200),
            line("GET /api/communities", "/api/communities",                                            200, 200, 200, 200, 200, 200),
            line("GET /api/grids", "/api/grids",                                                        200, 200, 200, 200, 200, 200),
            line("GET /api/grids/{id}", "/api/grids/{grid}",                                            200, 200, 200, 200, 200, 200),
            // 便民卡: this server has no PARTYMAP_PUBLIC_URL, so every PDF is refused (409) past access
            line("GET /api/grids/{id}/card", "/api/grids/{grid}/card",                                  200, 200, 200, 200, 200, 200),
            line("GET /api/grids/{id}/card.pdf", "/api/grids/{grid}/card.pdf",                          409, 409, 409, 409, 409, 409),
            // the worker of grid 1 alone is not staff of its whole community; grid workers print no subdistrict
            line("GET /api/communities/{id}/cards.pdf", "/api/communities/{community}/cards.pdf",       401, 403, 403, 409, 403, 409),
            line("GET /api/subdistricts/{id}/cards.pdf", "/api/subdistricts/{subdistrict}/cards.pdf",   401, 403, 403, 409, 403, 409),
            line("GET /api/locate", "/api/locate?lon=120.145&lat=33.385",                               200, 200, 200, 200, 200, 200),
            line("GET /api/geocode", "/api/geocode?q=%E4%BA%BA%E6%B0%91%E8%B7%AF12%E5%8F%B7",          200, 200, 200, 200, 200, 200),
            line("GET /api/reverse", "/api/reverse?lon=120.145&lat=33.385",                             200, 200, 200, 200, 200, 200),
            line("GET /api/stations", "/api/stations",                                                  200, 200, 200, 200, 200, 200),
            line("GET /api/streets", "/api/streets",                                                    200, 200, 200, 200, 200, 200),
            line("GET /api/nearest", "/api/nearest?lon=120.145&lat=33.385",                             200, 200, 200, 200, 200, 200),
            line("GET /api/config", "/api/config",                                                      200, 200, 200, 200, 200, 200),
            line("GET /api/basemap", "/api/basemap?bbox=120.14,33.38,120.15,33.39&z=15",               200, 200, 200, 200, 200, 200),
            // 预约办事: slots are public; a booking with a bad phone is a 400 past access for everyone (stores nothing);
            // a booking's own routes need its link token, which no caller here has; the staff list follows scope
            line("GET /api/stations/{id}/slots", "/api/stations/{station}/slots",                        200, 200, 200, 200, 200, 200),
            line("POST /api/bookings", "/api/bookings", "{\"station\": {station}, \"start\": \"2030-01-01T09:00:00+08:00\", "
                    + "\"phone\": \"12\", \"purpose\": \"矩阵\"}",                                      400, 400, 400, 400, 400, 400),
            line("GET /api/bookings/mine", "/api/bookings/mine",                                        401, 401, 401, 401, 401, 401),
            line("POST /api/bookings/mine/cancel", "/api/bookings/mine/cancel", null,                   401, 401, 401, 401, 401, 401),
            line("GET /api/bookings", "/api/bookings?station={station}",                                401, 200, 404, 200, 404, 200),
            // 活动与服务项目: the calendars and feeds are public; a sign-up with a bad phone is a 400 past access for everyone;
            // a sign-up's own routes need its link token; the staff of the post (grid 1's worker, its planner, admins) write
            line("GET /api/stations/{id}/activities", "/api/stations/{station}/activities",              200, 200, 200, 200, 200, 200),
            line("GET /api/stations/{id}/activities.ics", "/api/stations/{station}/activities.ics",      200, 200, 200, 200, 200, 200),
            line("GET /api/communities/{id}/activities", "/api/communities/{community}/activities",      200, 200, 200, 200, 200, 200),
            line("GET /api/communities/{id}/activities.ics", "/api/communities/{community}/activities.ics",
                                                                                                        200, 200, 200, 200, 200, 200),
            line("POST /api/activities", "/api/activities", ACTIVITY,                                   401, 201, 403, 201, 403, 201),
            line("PATCH /api/activities/{id}", "/api/activities/{activity}", "{\"title\": \"矩阵活动（修改）\"}",
                                                                                                        401, 200, 403, 200, 403, 200),
            // cancelling again changes nothing and answers 204 too
            line("DELETE /api/activities/{id}", "/api/activities/{activity2}",                          401, 204, 403, 204, 403, 204),
            line("GET /api/activities/{id}/signups", "/api/activities/{activity}/signups",              401, 200, 404, 200, 404, 200),
            line("POST /api/activities/{id}/signups", "/api/activities/{activity}/signups",
                    "{\"occurrence\": \"2030-01-05T09:00:00+08:00\", \"name\": \"矩阵\", \"phone\": \"12\"}",
                                                                                                        400, 400, 400, 400, 400, 400),
            line("GET /api/signups/mine", "/api/signups/mine",                                          401, 401, 401, 401, 401, 401),
            line("POST /api/signups/mine/cancel", "/api/signups/mine/cancel", null,                     401, 401, 401, 401, 401, 401),
            line("GET /api/communities/{id}/service-projects", "/api/communities/{community}/service-projects",
                                                                                                        200, 200, 200, 200, 200, 200),
            // a project without a name: 400 past access for the community's staff, nothing stored
            line("POST /api/communities/{id}/service-projects", "/api/communities/{community}/service-projects",
                    "{\"audience\": \"矩阵居民\"}",                                                   401, 403, 403, 400, 403, 400),
            line("PATCH /api/service-projects/{id}", "/api/service-projects/{project}", "{\"audience\": \"矩阵居民\"}",
                                                                                                        401, 403, 403, 200, 403, 200),
            // deleting again changes nothing and answers 204 too
            line("DELETE /api/service-projects/{id}", "/api/service-projects/{project2}",               401, 403, 403, 204, 403, 204),
            // 微心愿: the wall is public; a claim with a bad phone is a 400 past access for everyone but a party member, whose
            // claim needs no phone (a fulfilled wish: 409); a wish due in the past is a 422 past access for the grid's workers
            line("GET /api/communities/{id}/wishes", "/api/communities/{community}/wishes",             200, 200, 200, 200, 200, 200),
            line("POST /api/wishes/{id}/claim", "/api/wishes/{fulfilled}/claim", "{\"name\": \"矩阵\", \"phone\": \"12\"}",
                                                                                                        400, 400, 400, 400, 400, 400),
            line("GET /api/wishes/mine", "/api/wishes/mine",                                            401, 403, 403, 403, 403, 403),
            line("GET /api/wishes", "/api/wishes",                                                      401, 200, 200, 200, 200, 200),
            line("POST /api/wishes", "/api/wishes", "{\"grid\": {grid}, \"title\": \"矩阵心愿\", \"category\": \"other\", "
                    + "\"due_on\": \"2020-01-01\"}",                                                    401, 422, 403, 403, 403, 422),
            line("POST /api/wishes/{id}/confirm", "/api/wishes/{wish}/confirm", null,                   401, 409, 404, 403, 403, 409),
            line("POST /api/wishes/{id}/release", "/api/wishes/{fulfilled}/release", null,              401, 409, 404, 403, 403, 409),
            line("POST /api/wishes/{id}/fulfil", "/api/wishes/{wish}/fulfil", null,                     401, 409, 404, 403, 403, 409),
            line("DELETE /api/wishes/{id}", "/api/wishes/{fulfilled}",                                  401, 409, 404, 403, 403, 409),
            // 走访: households and notes for the grid's workers alone (404 for another grid's, like a resident); a visit stored by
            // the worker in scope is a resend for the admin (200) and a used key for a worker of another grid (409, telling nothing);
            // coverage for the community's staff and planners (the worker of grid 1 alone is not the community's staff)
            line("GET /api/care/households", "/api/care/households?grid={grid}",                        401, 200, 403, 403, 403, 200),
            line("GET /api/care/residents/{id}", "/api/care/residents/{resident}",                      401, 200, 404, 403, 403, 200),
            line("POST /api/care/visits", "/api/care/visits", "{\"client_key\": \"5f0c8a52-1d3e-4b8a-9c61-0d2f7e3a9b14\", "
                    + "\"resident\": {resident}, \"kind\": \"home\", \"visited_on\": \"{today}\", \"note\": \"矩阵走访\"}",
                                                                                                        401, 201, 409, 403, 403, 200),
            line("GET /api/care/coverage", "/api/care/coverage?community={community}",                  401, 403, 403, 200, 403, 200),
            line("GET /api/openapi.json", "/api/openapi.json",                                          200, 200, 200, 200, 200, 200),

            line("GET /ogc", "/ogc",                                                                    200, 200, 200, 200, 200, 200),
            line("GET /ogc/conformance", "/ogc/conformance",                                            200, 200, 200, 200, 200, 200),
            line("GET /ogc/collections", "/ogc/collections",                                            200, 200, 200, 200, 200, 200),
            line("GET /ogc/collections/{collectionId}", "/ogc/collections/grids",                       200, 200, 200, 200, 200, 200),
            line("GET /ogc/collections/{collectionId}/items", "/ogc/collections/grids/items",           200, 200, 200, 200, 200, 200),
            line("GET /ogc/collections/{collectionId}/items/{featureId}", "/ogc/collections/grids/items/{grid}",
                                                                                                        200, 200, 200, 200, 200, 200),
            line("GET /ogc/collections/{collectionId}/queryables", "/ogc/collections/grids/queryables", 200, 200, 200, 200, 200, 200),
            line("GET /ogc/collections/{collectionId}/schema", "/ogc/collections/grids/schema",         200, 200, 200, 200, 200, 200),

            line("GET /api/communities/{id}/notices", "/api/communities/{community}/notices",      200, 200, 200, 200, 200, 200),
            line("GET /api/communities/{id}/notices.atom", "/api/communities/{community}/notices.atom",
                                                                                                        200, 200, 200, 200, 200, 200),
            line("GET /api/notices/{id}", "/api/notices/{notice}",                                      200, 200, 200, 200, 200, 200),
            // the worker of grid 1 alone serves a grid of the community, not the community: not its staff
            line("POST /api/communities/{id}/notices", "/api/communities/{community}/notices", NOTICE,
                                                                                                        401, 403, 403, 201, 403, 201),
            line("PATCH /api/notices/{id}", "/api/notices/{notice}", "{\"title\": \"矩阵公告（修改）\"}",
                                                                                                        401, 403, 403, 200, 403, 200),
            // withdrawing again changes nothing and answers 204 too
            line("DELETE /api/notices/{id}", "/api/notices/{notice}",                                   401, 403, 403, 204, 403, 204),

            sessionLine("POST /api/login", "/api/login", "{\"username\": \"spare\", \"password\": \"" + TestAccounts.PASSWORD + "\"}",
                                                                                                        200, 200, 200, 200, 200, 200),
            sessionLine("POST /api/logout", "/api/logout", null,                                        204, 204, 204, 204, 204, 204),
            line("GET /api/me", "/api/me",                                                              401, 200, 200, 200, 200, 200),
            // a weak new password: 400 shows the handler ran (access passed) without changing anything
            line("POST /api/me/password", "/api/me/password", WEAK_PASSWORD,                            401, 400, 400, 400, 400, 400),
            line("GET /api/me/sessions", "/api/me/sessions",                                            401, 200, 200, 200, 200, 200),
            // nobody has this session: 404 shows the handler ran and looked only among the caller's own
            line("DELETE /api/me/sessions/{id}", "/api/me/sessions/" + NO_SESSION,                       401, 404, 404, 404, 404, 404),
            line("POST /api/me/sessions/end-others", "/api/me/sessions/end-others", null,               401, 200, 200, 200, 200, 200),

            line("GET /api/residents", "/api/residents?grid={grid}",                                    401, 200, 403, 403, 403, 200),
            line("GET /api/residents/{id}", "/api/residents/{resident}",                                401, 200, 404, 403, 403, 200),
            line("GET /api/subdistricts/{id}/workload", "/api/subdistricts/{subdistrict}/workload",     401, 403, 403, 200, 403, 200),
            // a point in grid 1: the worker of grid 3 may not pin grid 1's resident (404: no such resident in their grids)
            line("PUT /api/residents/{id}/location", "/api/residents/{resident}/location", "{\"lon\": 120.147, \"lat\": 33.385}",
                                                                                                        401, 200, 404, 403, 403, 200),
            // any grid worker may upload (rows of other grids are left out); force: the same file again by overlapping scopes
            new Line("POST /api/residents/imports", "POST", "/api/residents/imports?name=matrix.csv&force=true", REGISTER_CSV, false,
                    new int[] {401, 202, 202, 403, 403, 202}),
            line("GET /api/residents/imports/{id}", "/api/residents/imports/{import}",                  401, 200, 404, 403, 403, 200),
            line("GET /api/review/residents", "/api/review/residents?grid={grid}",                      401, 200, 403, 403, 403, 200),

            line("GET /api/planner/communities", "/api/planner/communities",                            401, 403, 403, 200, 200, 200),
            line("GET /api/planner/communities/{id}", "/api/planner/communities/{community}",            401, 403, 403, 200, 403, 200),
            line("GET /api/planner/communities/{id}/blocks", "/api/planner/communities/{community}/blocks",
                                                                                                        401, 403, 403, 200, 403, 200),
            line("GET /api/planner/communities/{id}/proposal", "/api/planner/communities/{community}/proposal?min=1&max=10",
                                                                                                        401, 403, 403, 200, 403, 200),
            line("POST /api/planner/edits/preview", "/api/planner/edits/preview", GRID_ATTRIBUTES,       401, 403, 403, 200, 403, 200),
            line("POST /api/planner/edits", "/api/planner/edits", GRID_ATTRIBUTES,                       401, 403, 403, 428, 403, 428),
            line("GET /api/planner/grids/{id}/history", "/api/planner/grids/{grid}/history",             401, 403, 403, 200, 403, 200),
            line("GET /api/planner/grids/{id}/versions/{version}", "/api/planner/grids/{grid}/versions/1",
                                                                                                        401, 403, 403, 200, 403, 200),
            line("GET /api/planner/export", "/api/planner/export",                                      401, 403, 403, 200, 200, 200),

            // 社区通: {question} is a question of grid 1, waiting; residents' routes need its private link (not sent here: 401)
            line("GET /api/grids/{id}/ask", "/api/grids/{grid}/ask",                                    200, 200, 200, 200, 200, 200),
            line("POST /api/questions", "/api/questions", "{\"grid\": {grid}, \"topic\": \"其他\", \"text\": \"矩阵测试问题\"}",
                                                                                                        201, 201, 201, 201, 201, 201),
            line("GET /api/questions/mine", "/api/questions/mine",                                      401, 401, 401, 401, 401, 401),
            line("POST /api/questions/mine/messages", "/api/questions/mine/messages", "{\"text\": \"补充\"}",
                                                                                                        401, 401, 401, 401, 401, 401),
            line("POST /api/questions/mine/resolution", "/api/questions/mine/resolution", "{\"solved\": true}",
                                                                                                        401, 401, 401, 401, 401, 401),
            line("GET /api/communities/{id}/consult-stats", "/api/communities/{community}/consult-stats", 200, 200, 200, 200, 200, 200),
            // without Accept: text/event-stream the stream refuses (400) past access, so the matrix does not hang on it
            line("GET /api/inbox", "/api/inbox",                                                        401, 200, 200, 200, 200, 200),
            line("GET /api/inbox/events", "/api/inbox/events",                                          401, 400, 400, 400, 400, 400),
            // the planner of the subdistrict sees a question only once it is escalated to it
            line("GET /api/questions/{id}", "/api/questions/{question}",                                401, 200, 404, 404, 404, 200),
            line("POST /api/questions/{id}/answers", "/api/questions/{question}/answers", "{\"text\": \"矩阵答复\"}",
                                                                                                        401, 201, 404, 404, 404, 201),
            // to the grid it is already with: 409 past access
            line("POST /api/questions/{id}/transfer", "/api/questions/{question}/transfer", "{\"grid\": {grid}, \"reason\": \"矩阵\"}",
                                                                                                        401, 409, 404, 404, 404, 409),
            line("GET /api/consult/stats", "/api/consult/stats?grid={grid}",                            401, 200, 403, 200, 403, 200),
            // a worker of one grid is not staff of the whole community; its subdistrict's planner is
            line("PUT /api/communities/{id}/service-hours", "/api/communities/{community}/service-hours", "{\"hours\": \"周一至周五 8:30-12:00 14:00-17:30\"}",
                                                                                                        401, 403, 403, 200, 403, 200),

            line("GET /api/admin/users", "/api/admin/users",                                            401, 403, 403, 403, 403, 200),
            line("POST /api/admin/users", "/api/admin/users", "{\"username\": \"made-by-matrix\", \"role\": \"admin\"}",
                                                                                                        401, 403, 403, 403, 403, 201),
            line("PATCH /api/admin/users/{id}", "/api/admin/users/{user}", "{\"display_name\": \"备用\"}",
                                                                                                        401, 403, 403, 403, 403, 200),
            line("POST /api/admin/users/{id}/password", "/api/admin/users/{user}/password", null,       401, 403, 403, 403, 403, 200),
            line("GET /api/admin/users/{id}/sessions", "/api/admin/users/{user}/sessions",              401, 403, 403, 403, 403, 200),
            line("POST /api/admin/users/{id}/sessions/end", "/api/admin/users/{user}/sessions/end", null, 401, 403, 403, 403, 403, 200),
            line("GET /api/admin/status", "/api/admin/status",                                          401, 403, 403, 403, 403, 200),
            line("GET /api/admin/audit", "/api/admin/audit",                                            401, 403, 403, 403, 403, 200),
            line("GET /api/admin/audit/export", "/api/admin/audit/export",                              401, 403, 403, 403, 403, 200),
            new Line("POST /api/admin/import", "POST", "/api/admin/import?layer=stations&format=csv", STATION_CSV, false,
                    new int[] {401, 403, 403, 403, 403, 200}));

    /** What a party member gets on the routes that admit its role. */
    static final Map<String, Integer> PARTY_MEMBER = Map.of(
            "GET /api/me", 200,
            "POST /api/me/password", 400,
            "GET /api/me/sessions", 200,
            "DELETE /api/me/sessions/{id}", 404,
            "POST /api/me/sessions/end-others", 200,
            "GET /api/wishes/mine", 200,
            "POST /api/wishes/{id}/claim", 409);

    private static Database db;
    private static TestServer server;
    private static final Map<Caller, String> NAMES = new EnumMap<>(Map.of(
            Caller.WORKER_IN_SCOPE, "worker-in", Caller.WORKER_OUT_OF_SCOPE, "worker-out",
            Caller.PLANNER_IN_SCOPE, "planner-in", Caller.PLANNER_OUT_OF_SCOPE, "planner-out", Caller.ADMIN, "admin"));
    private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        Fixtures.loadOtherSubdistrict(db);
        Fixtures.seedResidents(db);
        int workerIn = TestAccounts.create(db, "worker-in", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "worker-out", Role.GRID_WORKER, Fixtures.GRID_3);
        TestAccounts.create(db, "planner-in", Role.PLANNER, Fixtures.SUBDISTRICT);
        TestAccounts.create(db, "planner-out", Role.PLANNER, Fixtures.OTHER_SUBDISTRICT);
        TestAccounts.create(db, "admin", Role.ADMIN);
        int spare = TestAccounts.create(db, "spare", Role.GRID_WORKER, Fixtures.OTHER_GRID);
        int grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
        int group = Sql.one(db.dataSource(), "INSERT INTO party_group (grid_id, name) VALUES (?, '矩阵党小组') RETURNING id",
                rs -> rs.getInt(1), grid1).orElseThrow();
        int member = TestAccounts.create(db, "member", Role.PARTY_MEMBER, Integer.toString(group));
        PLACEHOLDERS.put("{wish}", Long.toString(Sql.one(db.dataSource(), "INSERT INTO wish (grid_id, title, category, due_on, posted_at,"
                + " updated_at) VALUES (?, '矩阵心愿', 'other', '2030-01-01', now(), now()) RETURNING id", rs -> rs.getLong(1), grid1).orElseThrow()));
        PLACEHOLDERS.put("{fulfilled}", Long.toString(Sql.one(db.dataSource(), "INSERT INTO wish (grid_id, title, category, due_on, status,"
                + " posted_at, claimed_at, claimant_user_id, claim_confirmed, fulfilled_at, updated_at)"
                + " VALUES (?, '矩阵心愿', 'other', '2030-01-01', 'fulfilled', now(), now(), ?, true, now(), now()) RETURNING id",
                rs -> rs.getLong(1), grid1, member).orElseThrow()));
        PLACEHOLDERS.put("{resident}", Long.toString(Fixtures.residentId(db, Fixtures.RESIDENTS.get(0).name())));
        PLACEHOLDERS.put("{grid}", Integer.toString(Fixtures.id(db, "grid", Fixtures.GRID_1)));
        PLACEHOLDERS.put("{community}", Integer.toString(Fixtures.id(db, "community", Fixtures.GRID_1.substring(0, 12))));
        PLACEHOLDERS.put("{subdistrict}", Integer.toString(Fixtures.id(db, "subdistrict", Fixtures.SUBDISTRICT)));
        PLACEHOLDERS.put("{user}", Integer.toString(spare));
        PLACEHOLDERS.put("{today}", java.time.LocalDate.now(org.partymap.servicetime.OpeningHours.ZONE).toString());
        PLACEHOLDERS.put("{notice}", Long.toString(Sql.one(db.dataSource(), "INSERT INTO notice (community_id, kind, title, body, author_name,"
                + " published_at, updated_at) VALUES (?, 'announcement', '矩阵公告', '矩阵测试。', '莲花路社区居委会', now(), now()) RETURNING id",
                rs -> rs.getLong(1), Integer.parseInt(PLACEHOLDERS.get("{community}"))).orElseThrow()));
        PLACEHOLDERS.put("{station}", Integer.toString(org.partymap.db.Sql.one(db.dataSource(),
                "SELECT st.id FROM station st JOIN grid g ON g.id = st.grid_id WHERE st.kind = 'grid_station' AND g.code = ?",
                rs -> rs.getInt(1), Fixtures.GRID_1).orElseThrow()));
        for (String name : List.of("{activity}", "{activity2}")) {
            PLACEHOLDERS.put(name, Long.toString(Sql.one(db.dataSource(), "INSERT INTO activity (station_id, title, kind, starts_at, ends_at,"
                    + " capacity) VALUES (?, '矩阵活动', 'party', '2030-01-05 09:00+08', '2030-01-05 10:00+08', 5) RETURNING id",
                    rs -> rs.getLong(1), Integer.parseInt(PLACEHOLDERS.get("{station}"))).orElseThrow()));
        }
        for (String name : List.of("{project}", "{project2}")) {
            PLACEHOLDERS.put(name, Integer.toString(Sql.one(db.dataSource(), "INSERT INTO service_project (community_id, name)"
                    + " VALUES (?, ?) RETURNING id", rs -> rs.getInt(1), Integer.parseInt(PLACEHOLDERS.get("{community}")),
                    "矩阵项目" + name.length()).orElseThrow()));
        }
        PLACEHOLDERS.put("{import}", Long.toString(importBy(workerIn, "worker-in", Fixtures.id(db, "grid", Fixtures.GRID_1))));
        server = TestServer.start(db, Map.of("PARTYMAP_RATE_LIMIT", "0", "PARTYMAP_CONSULT_POSTS_PER_HOUR", "0"));
        var asked = server.call("POST", "/api/questions").header("Origin", "http://127.0.0.1:" + server.port())
                .json(Map.of("grid", Fixtures.id(db, "grid", Fixtures.GRID_1), "topic", "其他", "text", "矩阵的问题")).send();
        PLACEHOLDERS.put("{question}", TestServer.json(asked).get("id").asText());
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void everyRouteOfTheAppHasALineInTheMatrix() {
        Set<String> routes = server.endpoints().stream().map(TestServer.Route::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> lines = MATRIX.stream().map(Line::route).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(MATRIX.size(), lines.size(), "a route has two lines in the matrix");
        var missing = new TreeSet<>(routes);
        missing.removeAll(lines);
        var stale = new TreeSet<>(lines);
        stale.removeAll(routes);
        var problems = new ArrayList<String>();
        missing.forEach(r -> problems.add("route " + r + " has no line in AccessMatrixIT.MATRIX: add one with the status each kind of caller gets"));
        stale.forEach(r -> problems.add("AccessMatrixIT.MATRIX has a line for " + r + ", which the app does not register"));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void everyCallerGetsTheStatusTheMatrixSaysOnEveryRoute() {
        Map<Caller, Session> sessions = new EnumMap<>(Caller.class);
        NAMES.forEach((caller, name) -> sessions.put(caller, server.login(name)));
        var wrong = new ArrayList<String>();
        for (Line line : MATRIX) {
            assertEquals(Caller.values().length, line.statuses().length, line.route() + ": one status per caller");
            String path = fill(line.path());
            for (Caller caller : Caller.values()) {
                var call = server.call(line.method(), path).as(sessions.get(caller)).header("Origin", "http://127.0.0.1:" + server.port());
                if (line.body() != null) {
                    if (line.path().startsWith("/api/admin/import") || line.path().startsWith("/api/residents/imports")) {
                        call.body(line.body().getBytes(StandardCharsets.UTF_8), "text/csv");
                    } else {
                        call.json(fill(line.body()));
                    }
                }
                HttpResponse<String> r = call.send();
                int expected = line.statuses()[caller.ordinal()];
                if (r.statusCode() != expected) {
                    wrong.add(line.route() + " as " + caller + ": expected " + expected + ", got " + r.statusCode() + " " + abbreviate(r.body()));
                }
                if (r.statusCode() >= 400) {
                    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE), line.route() + " " + r.statusCode());
                }
                if (line.endsSession() && caller != Caller.PUBLIC) {
                    sessions.put(caller, server.login(NAMES.get(caller)));
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " calls got the wrong status:\n" + String.join("\n", wrong));
        }
    }

    @Test
    void aPartyMemberGetsWhatThePublicGetsAndItsOwnRoutesAndIsRefusedEverywhereElse() {
        Map<String, Set<io.javalin.security.RouteRole>> roles = new LinkedHashMap<>();
        server.endpoints().forEach(r -> roles.put(r.key(), r.roles()));
        Session member = server.login("member");
        var wrong = new ArrayList<String>();
        int own = 0;
        for (Line line : MATRIX) {
            Set<io.javalin.security.RouteRole> admitted = roles.getOrDefault(line.route(), Set.of());
            int expected;
            if (admitted.contains(Role.PARTY_MEMBER)) {
                own++;
                expected = PARTY_MEMBER.getOrDefault(line.route(), -1);
            } else {
                expected = admitted.contains(Role.PUBLIC) ? line.statuses()[Caller.PUBLIC.ordinal()] : 403;
                expected = PARTY_MEMBER.getOrDefault(line.route(), expected);
            }
            var call = server.call(line.method(), fill(line.path())).as(member).header("Origin", "http://127.0.0.1:" + server.port());
            if (line.body() != null) {
                if (line.path().startsWith("/api/admin/import") || line.path().startsWith("/api/residents/imports")) {
                    call.body(line.body().getBytes(StandardCharsets.UTF_8), "text/csv");
                } else {
                    call.json(fill(line.body()));
                }
            }
            HttpResponse<String> r = call.send();
            if (r.statusCode() != expected) {
                wrong.add(line.route() + " as a party member: expected " + expected + ", got " + r.statusCode() + " " + abbreviate(r.body()));
            }
            if (line.endsSession()) {
                member = server.login("member");
            }
        }
        assertEquals(6, own, "the routes that admit a party member: /api/me, /api/me/password, /api/me/sessions (3), /api/wishes/mine");
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " calls got the wrong status:\n" + String.join("\n", wrong));
        }
    }

    /** An import job of a grid worker's (registered, not run): what {import} stands for. */
    private static long importBy(int userId, String username, int grid) {
        var importer = new ResidentImporter(db.dataSource(), () -> {
            throw new IllegalStateException("not run");
        });
        var who = new ResidentImporter.Uploader(userId, new AuditLog.Actor(userId, username, null),
                new ResidentPlacement.Scope(false, Set.of(grid)));
        return importer.prepare(REGISTER_CSV.getBytes(StandardCharsets.UTF_8), "matrix.csv", who, true).id();
    }

    private static String fill(String path) {
        String out = path;
        for (var e : PLACEHOLDERS.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
