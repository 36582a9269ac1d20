package org.partymap.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;

/**
 * The throwaway PostGIS cluster of one test JVM, started from the system's PostgreSQL binaries by
 * the same code as the embedded default (with fsync off), and a fresh migrated database per test
 * class, copied from a template.
 *
 * <p>{@code PARTYMAP_TEST_DB_URL} (with {@code PARTYMAP_TEST_DB_USER} and
 * {@code PARTYMAP_TEST_DB_PASSWORD}) points the tests at an existing server instead; its user
 * must be allowed to create databases.
 */
public final class TestDatabase {

    private static final String TEMPLATE = "partymap_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestDatabase() {
    }

    /** Where to reach the test server: a JDBC URL prefix ending in "/", a user and a password. */
    public record Server(String urlPrefix, String user, String password) {
        public String url(String database) {
            return urlPrefix + database;
        }
    }

    /** A new, empty, migrated database of its own. Close it when done. */
    public static Database fresh() {
        Server s = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(s, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return Database.connect(s.url(name), s.user(), s.password(), 8, Optional.empty());
    }

    public static synchronized Server server() {
        if (server == null) {
            server = System.getenv("PARTYMAP_TEST_DB_URL") != null ? external() : startCluster();
            execute(server, "DROP DATABASE IF EXISTS " + TEMPLATE);
            execute(server, "CREATE DATABASE " + TEMPLATE + " TEMPLATE template0 ENCODING 'UTF8'");
            // connecting creates the extensions and migrates: every fresh copy starts from there
            Database.connect(server.url(TEMPLATE), server.user(), server.password(), 2, Optional.empty()).close();
        }
        return server;
    }

    /** Runs one statement on the server's maintenance database. */
    public static void execute(Server s, String sql) {
        execute(s, "postgres", sql);
    }

    /** Runs one statement in the named database of the server. */
    public static void execute(Server s, String database, String sql) {
        try (var c = DriverManager.getConnection(s.url(database), s.user(), s.password());
             var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row a query answers in the named database of the server. */
    public static String query(Server s, String database, String sql) {
        try (var c = DriverManager.getConnection(s.url(database), s.user(), s.password());
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Server external() {
        String url = System.getenv("PARTYMAP_TEST_DB_URL");
        return new Server(url.substring(0, url.lastIndexOf('/') + 1),
                System.getenv("PARTYMAP_TEST_DB_USER"), System.getenv("PARTYMAP_TEST_DB_PASSWORD"));
    }

    private static Server startCluster() {
        Path home = newHome("partymap-test-db");
        LocalPostgis cluster = LocalPostgis.start(home, Optional.empty(), LocalPostgis.Mode.OWN, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            deleteInBackground(home);
        }));
        return new Server("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/", cluster.user(), cluster.password());
    }

    /**
     * A new temporary directory that the postgres system user can enter, for clusters run as
     * that user when the tests run as root.
     */
    public static Path newHome(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Removes the stopped cluster's directory with an {@code rm -rf} the exiting JVM does not wait for: after a full
     * run it holds every test class's database, and deleting it file by file in the shutdown hook took longer
     * than the 30 s failsafe gives a fork to exit, so the fork was killed and the log said so.
     */
    private static void deleteInBackground(Path dir) {
        try {
            new ProcessBuilder("rm", "-rf", "--", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            deleteTree(dir);
        }
    }

    public static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temporary directory
        }
    }
}
