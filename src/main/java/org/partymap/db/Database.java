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
 * is handed out: the embedded cluster by default, or the database at {@code PARTYMAP_DB_URL}; and,
 * when {@code PARTYMAP_DB_READ_URL} names one, a second, read-only pool to a streaming replica of
 * it for the public look-ups ({@link #readDataSource()}).
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private static final String SCHEMA_VERSION = """
            SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
             ORDER BY installed_rank DESC LIMIT 1""";

    private final HikariDataSource pool;
    private final Optional<HikariDataSource> readPool;
    private final Optional<LocalPostgis> cluster;

    private Database(HikariDataSource pool, Optional<HikariDataSource> readPool, Optional<LocalPostgis> cluster) {
        this.pool = pool;
        this.readPool = readPool;
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
        Database db = connect(config.dbUrl().orElseThrow(), config.dbUser().orElse(null), config.dbPassword().orElse(null),
                config.dbPoolSize(), Optional.empty());
        if (config.dbReadUrl().isEmpty()) {
            return db;
        }
        try {
            return db.withReplica(config.dbReadUrl().get(), config.dbUser().orElse(null), config.dbPassword().orElse(null),
                    config.dbPoolSize());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * This database with a read-only pool to {@code url}, a streaming replica of it: checked to hold
     * partymap's schema at the primary's version, so that a wrong URL fails at start, in one line.
     */
    public Database withReplica(String url, String user, String password, int poolSize) {
        var hikari = poolConfig(url, user, password, poolSize, "partymap-read");
        hikari.setReadOnly(true);
        HikariDataSource replica;
        try {
            replica = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StartupException("cannot connect to the read replica " + url + " (PARTYMAP_DB_READ_URL): " + rootMessage(e));
        }
        try {
            String expected = Sql.text(pool, SCHEMA_VERSION).orElse("none");
            String found;
            try {
                found = Sql.text(replica, SCHEMA_VERSION).map(v -> "version " + v).orElse("an empty schema history");
            } catch (RuntimeException e) {
                found = "no schema history: " + rootMessage(e).lines().findFirst().orElse("");
            }
            if (!found.equals("version " + expected)) {
                throw new StartupException("the read replica " + url + " (PARTYMAP_DB_READ_URL) does not hold partymap's schema"
                        + " at version " + expected + " (it has " + found + "): point it at a streaming replica of PARTYMAP_DB_URL");
            }
            log.info("public look-ups read from the replica at {}", url);
            return new Database(pool, Optional.of(replica), cluster);
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    /** Connects, checks the server and its extensions, and applies pending migrations. */
    public static Database connect(String url, String user, String password, int poolSize, Optional<LocalPostgis> cluster) {
        var hikari = poolConfig(url, user, password, poolSize, "partymap");
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
            return new Database(pool, Optional.empty(), cluster);
        } catch (SQLException e) {
            pool.close();
            throw new StartupException("cannot use the database at " + url + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariConfig poolConfig(String url, String user, String password, int poolSize, String name) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(Math.min(4, poolSize));
        hikari.setPoolName(name);
        // a request waits at most 3 s for a connection: when the database is away it is refused (503) in seconds, not queued
        hikari.setConnectionTimeout(3_000);
        hikari.addDataSourceProperty("ApplicationName", name);
        return hikari;
    }

    /** The primary: every write, and every read that must see the latest write. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Where public look-ups that may lag the primary by a moment read: the replica at
     * {@code PARTYMAP_DB_READ_URL}, or the primary when there is none. Never for what feeds a cache
     * keyed by the primary's layer versions (a lagging read would be kept as the new version).
     */
    public DataSource readDataSource() {
        return readPool.<DataSource>map(r -> r).orElse(pool);
    }

    /** The embedded cluster behind this database, if it is one. */
    public Optional<LocalPostgis> cluster() {
        return cluster;
    }

    @Override
    public void close() {
        readPool.ifPresent(HikariDataSource::close);
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

    /**
     * Flyway's lines that name the migrations in question ("Detected resolved migration not
     * applied to database: 4.", "Migration checksum mismatch for migration version 7"), as one line.
     */
    private static String validationDetails(FlywayValidateException e) {
        String details = e.getMessage().lines()
                .map(String::strip)
                .filter(line -> line.startsWith("Detected") || line.startsWith("Migration checksum"))
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
