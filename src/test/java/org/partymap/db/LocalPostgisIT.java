package org.partymap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.StartupException;
import org.partymap.testing.LogCapture;
import org.partymap.testing.TestDatabase;

class LocalPostgisIT {

    private Path home;

    @BeforeEach
    void newHome() {
        home = TestDatabase.newHome("partymap-cluster");
    }

    @AfterEach
    void removeHome() {
        TestDatabase.deleteTree(home);
    }

    private LocalPostgis start(LocalPostgis.Mode mode) {
        return LocalPostgis.start(home, Optional.empty(), mode, true);
    }

    private static void sql(LocalPostgis pg, String statement) throws SQLException {
        try (var c = DriverManager.getConnection(pg.jdbcUrl("partymap"), pg.user(), pg.password()); var st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static List<String> names(LocalPostgis pg) throws SQLException {
        try (var c = DriverManager.getConnection(pg.jdbcUrl("partymap"), pg.user(), pg.password());
             var rs = c.createStatement().executeQuery("SELECT name FROM kept ORDER BY name")) {
            var out = new java.util.ArrayList<String>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void aRestartKeepsTheData() throws SQLException {
        try (var pg = start(LocalPostgis.Mode.OWN)) {
            sql(pg, "CREATE TABLE kept (name text)");
            sql(pg, "INSERT INTO kept VALUES ('莲花路社区')");
        }
        assertFalse(Files.exists(home.resolve("pg/postmaster.pid")), "a clean stop leaves no pid file");
        try (var pg = start(LocalPostgis.Mode.OWN)) {
            assertEquals(List.of("莲花路社区"), names(pg));
        }
    }

    @Test
    void theClusterIsUtf8WithACUtf8CharacterTypeSoTrigramsSeeChinese() throws SQLException {
        try (var pg = start(LocalPostgis.Mode.OWN);
             var c = DriverManager.getConnection(pg.jdbcUrl("partymap"), pg.user(), pg.password())) {
            var rs = c.createStatement().executeQuery(
                    "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = 'partymap'");
            rs.next();
            assertEquals("UTF8", rs.getString(1));
            assertEquals("C.UTF-8", rs.getString(2));
        }
    }

    @Test
    void aSecondServerOnTheSameHomeIsRefusedWithThePidOfTheFirst() throws SQLException {
        try (var pg = start(LocalPostgis.Mode.OWN)) {
            var e = assertThrows(StartupException.class, () -> start(LocalPostgis.Mode.OWN));
            assertEquals("a server is already running (pid " + ProcessHandle.current().pid() + ") on " + home, e.getMessage());
            sql(pg, "CREATE TABLE still_up (x int)"); // the refusal left the first one serving
        }
    }

    @Test
    void aToolAttachesToTheRunningClusterAndLeavesItRunning() throws SQLException {
        try (var pg = start(LocalPostgis.Mode.OWN)) {
            sql(pg, "CREATE TABLE kept (name text)");
            try (var tool = start(LocalPostgis.Mode.ATTACH)) {
                assertEquals(pg.port(), tool.port());
                sql(tool, "INSERT INTO kept VALUES ('from the tool')");
            }
            assertEquals(List.of("from the tool"), names(pg));
        }
    }

    @Test
    void aCrashedClusterWithAStalePidFileStartsAgain() throws Exception {
        // with fsync and synchronous commits, as the embedded default runs: committed data survives
        var pg = LocalPostgis.start(home, Optional.empty(), LocalPostgis.Mode.OWN, false);
        sql(pg, "CREATE TABLE kept (name text)");
        sql(pg, "INSERT INTO kept VALUES ('before the crash')");
        Path pidFile = home.resolve("pg/postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        var handle = ProcessHandle.of(postmaster).orElseThrow();
        var children = handle.descendants().toList();
        handle.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        handle.onExit().get(10, TimeUnit.SECONDS);
        for (var child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
        try (LogCapture log = LogCapture.of(LocalPostgis.class)) {
            pg.close(); // cannot stop what is dead; releases the home as a crashed process would
            assertEquals(1, log.lines().size(), log.lines().toString());
            assertTrue(log.lines().get(0).startsWith("WARN could not stop the local cluster cleanly: pg_ctl failed"), log.lines().get(0));
            assertTrue(Files.exists(pidFile), "the crash leaves postmaster.pid behind");
            // the pid may since belong to another process: make it so
            var lines = new java.util.ArrayList<>(Files.readAllLines(pidFile));
            lines.set(0, Long.toString(ProcessHandle.current().pid()));
            Files.write(pidFile, lines);
            try (var again = start(LocalPostgis.Mode.OWN)) {
                assertEquals(List.of("before the crash"), names(again));
            }
            assertEquals("WARN removing a stale postmaster.pid (pid " + ProcessHandle.current().pid() + " is not a running PostgreSQL)",
                    log.lines().get(1));
        }
    }
}
