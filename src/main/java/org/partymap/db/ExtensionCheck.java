package org.partymap.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.partymap.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the database can hold partymap: PostgreSQL 13 or newer with PostGIS 3, enabled here
 * if the user may. Nothing else: the benchmarks' baselines (pg_trgm, pgRouting) enable what they
 * compare against where and when they run ({@link #enable}).
 */
public final class ExtensionCheck {

    private static final Logger log = LoggerFactory.getLogger(ExtensionCheck.class);
    private static final int MIN_SERVER_VERSION = 130000;

    private ExtensionCheck() {
    }

    static void require(Connection c, String url) throws SQLException {
        int server = c.getMetaData().getDatabaseMajorVersion() * 10000;
        if (server < MIN_SERVER_VERSION) {
            throw new StartupException("the database at " + url + " runs PostgreSQL "
                    + c.getMetaData().getDatabaseProductVersion() + "; partymap needs 13 or newer");
        }
        String postgis = enable(c, "postgis").orElseThrow(() -> new StartupException(missingPostgis(c, url)));
        if (!postgis.startsWith("3.")) {
            throw new StartupException("the database at " + url + " has PostGIS " + postgis + "; partymap needs PostGIS 3");
        }
    }

    /** The installed version of an extension, after trying to create it; empty when that fails. */
    public static Optional<String> enable(Connection c, String extension) throws SQLException {
        Optional<String> version = installedVersion(c, extension);
        if (version.isPresent()) {
            return version;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS " + extension + (extension.equals("pgrouting") ? " CASCADE" : ""));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            log.debug("cannot create extension {}: {}", extension, e.getMessage());
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return installedVersion(c, extension);
    }

    private static Optional<String> installedVersion(Connection c, String extension) throws SQLException {
        try (var ps = c.prepareStatement("SELECT extversion FROM pg_extension WHERE extname = ?")) {
            ps.setString(1, extension);
            var rs = ps.executeQuery();
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static String missingPostgis(Connection c, String url) {
        try (var ps = c.prepareStatement("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")) {
            if (ps.executeQuery().next()) {
                return "PostGIS is installed on the server of " + url + " but not enabled in this database, and user '"
                        + c.getMetaData().getUserName() + "' may not enable it: run CREATE EXTENSION postgis; there as a superuser";
            }
        } catch (SQLException e) {
            // fall through to the plainer message
        }
        return "the database at " + url + " has no PostGIS: install PostGIS 3 on the database server "
                + "(Debian/Ubuntu: apt-get install postgresql-NN-postgis-3) and run CREATE EXTENSION postgis;";
    }
}
