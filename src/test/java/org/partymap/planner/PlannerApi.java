package org.partymap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.partymap.db.Database;
import org.partymap.testing.TestServer;

/** The planner test district served, with a planner logged in: what the planner tests call. */
final class PlannerApi implements AutoCloseable {

    final Database db;
    final TestServer server;
    final TestServer.Session planner;

    PlannerApi() {
        db = PlannerDistrict.fresh();
        server = TestServer.start(db);
        planner = server.login("planner");
    }

    HttpResponse<String> save(Map<String, Object> edit) {
        return save(planner, edit, PlannerDistrict.ifMatch(db));
    }

    HttpResponse<String> save(TestServer.Session as, Map<String, Object> edit, String ifMatch) {
        var call = server.call("POST", "/api/planner/edits").as(as).json(edit);
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }

    HttpResponse<String> preview(Map<String, Object> edit) {
        return server.call("POST", "/api/planner/edits/preview").as(planner).json(edit).send();
    }

    HttpResponse<String> get(String path) {
        return server.call("GET", path).as(planner).send();
    }

    static JsonNode ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return TestServer.json(r);
    }

    /** A 422 refusal: its first error's type must be {@code type}; the problem. */
    static JsonNode refused(HttpResponse<String> r, String type) {
        assertEquals(422, r.statusCode(), r.body());
        JsonNode p = TestServer.json(r);
        assertEquals(type, p.at("/errors/0/type").asText(), r.body());
        assertEquals("/problems/grid-" + type, p.path("type").asText());
        return p;
    }

    int grid(int i) {
        return PlannerDistrict.grid(db, i);
    }

    long count(String sql) {
        return PlannerDistrict.count(db.dataSource(), sql);
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
