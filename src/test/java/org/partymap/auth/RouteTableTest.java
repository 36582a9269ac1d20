package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void aRouteWithoutRolesStopsTheServerFromStarting() {
        Javalin app = Javalin.create(cfg -> {
            cfg.routes.get("/api/fine", ctx -> { }, Role.PUBLIC);
            cfg.routes.get("/api/forgotten", ctx -> { });
        });
        var e = assertThrows(IllegalStateException.class, () -> AccessControl.requireRolesOnEveryRoute(app));
        assertTrue(e.getMessage().contains("GET /api/forgotten"), e.getMessage());
    }

    @Test
    void aPublicRouteThatWritesStopsTheServerFromStarting() {
        Javalin app = Javalin.create(cfg -> {
            cfg.routes.post("/api/login", ctx -> { }, Role.PUBLIC);
            cfg.routes.post("/api/grids", ctx -> { }, Role.PUBLIC);
        });
        var e = assertThrows(IllegalStateException.class, () -> AccessControl.requireRolesOnEveryRoute(app));
        assertTrue(e.getMessage().contains("POST /api/grids") && !e.getMessage().contains("/api/login"), e.getMessage());
    }
}
