package org.partymap.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.partymap.Config;
import org.partymap.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to partymap's PostgreSQL + PostGIS database, checked and migrated before it
 * is handed out: the embedded cluster by default, or the database at {@code PARTYMAP_DB_URL}.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Optional<LocalPostgis> cluster;

    private Database(HikariDataSource pool, Optional<LocalPostgis> cluster) {
        this.pool = pool;
        this.cluster = cluster;
    }

    /**
     * Opens the database the configuration names, starting the embedded cluster when it names none.
     *
     * @param mode how to treat an embedded cluster that another partymap process owns
     */
    public static Database open(Config config, LocalPostgis.Mode mode) {
        if (config.embeddedDatabase()) {
            LocalPostgis local = LocalPostgis.start(config.home(), config.pgBin(), mode, false);
            try {
                return connect(local.jdbcUrl("partymap"), local.user(), local.password(), config.dbPoolSize(), Optional.of(local));
            } catch (RuntimeException e) {
                local.close();
                throw e;
            }
        }
        return connect(config.dbUrl().orElseThrow(), config.dbUser().orElse(null), config.dbPassword().orElse(null),
                config.dbPoolSize(), Optional.empty());
    }

    /** Connects, checks the server and its extensions, and applies pending migrations. */
    public static Database connect(String url, String user, String password, int poolSize, Optional<LocalPostgis> cluster) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(Math.min(4, poolSize));
        hikari.setPoolName("partymap");
        hikari.setConnectionTimeout(10_000);
        hikari.addDataSourceProperty("ApplicationName", "partymap");
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StartupException("cannot connect to " + url + ": " + rootMessage(e));
        }
        try {
            try (Connection c = pool.getConnection()) {
                ExtensionCheck.require(c, url);
            }
            migrate(pool);
            return new Database(pool, cluster);
        } catch (SQLException e) {
            pool.close();
            throw new StartupException("cannot use the database at " + url + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The embedded cluster behind this database, if it is one. */
    public Optional<LocalPostgis> cluster() {
        return cluster;
    }

    @Override
    public void close() {
        pool.close();
        cluster.ifPresent(LocalPostgis::close);
    }

    private static void migrate(DataSource ds) {
        MigrateResult result;
        try {
            result = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayValidateException e) {
            throw new StartupException("the database's schema does not match this build of partymap ("
                    + validationDetails(e) + "): it was made by another version; run the version that made it,"
                    + " or start from an empty database");
        }
        if (result.migrationsExecuted > 0) {
            log.info("applied {} migration(s); schema is at version {}", result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /** Flyway's "Detected ..." lines, which name the migrations in question, as one line. */
    private static String validationDetails(FlywayValidateException e) {
        String details = e.getMessage().lines()
                .map(String::strip)
                .filter(line -> line.startsWith("Detected"))
                .map(line -> line.endsWith(".") ? line.substring(0, line.length() - 1) : line)
                .collect(Collectors.joining("; "));
        return details.isEmpty() ? e.getMessage().lines().findFirst().orElse("validation failed") : details;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
