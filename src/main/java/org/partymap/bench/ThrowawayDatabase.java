package org.partymap.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.partymap.StartupException;
import org.partymap.db.Database;
import org.partymap.db.Sql;

/**
 * A database of its own on the same server as partymap's, created empty and migrated, and
 * dropped when closed: where a benchmark puts a synthetic district without touching real data.
 * The database user must be allowed to create databases (the embedded cluster's user is).
 */
public final class ThrowawayDatabase implements AutoCloseable {

    private final Database home;
    private final Database db;
    private final String name;

    private ThrowawayDatabase(Database home, Database db, String name) {
        this.home = home;
        this.db = db;
        this.name = name;
    }

    public static ThrowawayDatabase create(Database home, String name, int poolSize) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        var pool = (HikariDataSource) home.dataSource();
        try {
            Sql.update(pool, "DROP DATABASE IF EXISTS " + name);
            Sql.update(pool, "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (Sql.DataAccessException e) {
            throw new StartupException("cannot create the throwaway database " + name + ": " + e.getMessage());
        }
        String url = pool.getJdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + name);
        Database db = Database.connect(url, pool.getUsername(), pool.getPassword(), poolSize, Optional.empty());
        return new ThrowawayDatabase(home, db, name);
    }

    public Database db() {
        return db;
    }

    @Override
    public void close() {
        db.close();
        Sql.update(home.dataSource(), "DROP DATABASE IF EXISTS " + name);
    }
}
