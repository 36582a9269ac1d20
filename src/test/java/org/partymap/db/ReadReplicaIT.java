package org.partymap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.StartupException;
import org.partymap.auth.Role;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * PARTYMAP_DB_READ_URL: public look-ups read the replica, everything else the primary. The
 * "replica" here is a second database with the same data but every grid renamed, so that each
 * answer shows where it was read.
 */
class ReadReplicaIT {

    private static final String MARK = "副本";

    private static Database primary;
    private static Database replica;
    private static Database both;
    private static TestServer server;

    @BeforeAll
    static void start() {
        primary = TestDatabase.fresh();
        replica = TestDatabase.fresh();
        Fixtures.loadSample(primary);
        Fixtures.loadSample(replica);
        Sql.update(replica.dataSource(), "UPDATE grid SET name = '" + MARK + "' || name");
        TestAccounts.create(primary, "planner", Role.PLANNER, Fixtures.SUBDISTRICT);
        var server = TestDatabase.server();
        both = primary.withReplica(url(replica), server.user(), server.password(), 2);
        ReadReplicaIT.server = TestServer.start(both);
    }

    @AfterAll
    static void stop() {
        server.close();
        both.close();
        replica.close();
    }

    @Test
    void publicLookUpsReadTheReplicaAndWholeLayersThePrimary() {
        assertEquals(MARK + "第一网格", server.ok("/api/locate?lon=120.147&lat=33.385").at("/grid/name").asText());
        // whole layers are bytes kept per the primary's layer versions, so they are built from the primary
        String grids = server.get("/api/grids").body();
        assertTrue(grids.contains("第一网格") && !grids.contains(MARK), grids.substring(0, Math.min(300, grids.length())));
        assertTrue(server.get("/ogc/collections/grids/items?f=json").body().contains(MARK));
    }

    @Test
    void staffPagesAndWritesUseThePrimary() {
        var planner = server.login("planner");
        int community = Fixtures.id(primary, "community", Fixtures.GRID_1.substring(0, 12));
        var r = server.call("GET", "/api/planner/communities/" + community).as(planner).send();
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("第一网格"), r.body());
        assertFalse(r.body().contains(MARK), r.body());
    }

    @Test
    void aReplicaWithoutPartymapsSchemaIsRefusedInOneLine() {
        var server = TestDatabase.server();
        TestDatabase.execute(server, "DROP DATABASE IF EXISTS not_a_replica");
        TestDatabase.execute(server, "CREATE DATABASE not_a_replica TEMPLATE template0");
        var e = assertThrows(StartupException.class,
                () -> primary.withReplica(server.url("not_a_replica"), server.user(), server.password(), 2));
        assertTrue(e.getMessage().contains("PARTYMAP_DB_READ_URL") && e.getMessage().contains("does not hold partymap's schema"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anUnreachableReplicaIsNamedInOneLine() {
        var e = assertThrows(StartupException.class,
                () -> primary.withReplica("jdbc:postgresql://127.0.0.1:1/nothing", "x", "y", 2));
        assertTrue(e.getMessage().startsWith("cannot connect to the read replica jdbc:postgresql://127.0.0.1:1/nothing"),
                e.getMessage());
    }

    private static String url(Database db) {
        return ((HikariDataSource) db.dataSource()).getJdbcUrl();
    }
}
