package org.partymap.geocode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.partymap.StartupException;
import org.partymap.db.Sql;

/**
 * What {@code bench geocode} measures the geocoder against: the best plain pg_trgm query for the
 * same text, run straight through JDBC — {@code word_similarity} ({@code q <% full_address}) over
 * the standard addresses with a GIN trigram index, best first. Plain {@code similarity} sinks
 * under the shared prefix 江苏省盐城市亭湖区, and a GiST index beside the GIN one makes the planner
 * pick GiST and lose 5×, so neither is used. The copy of the addresses and its index live in a
 * schema of their own, dropped when closed: the district's own tables get no index they would
 * have to keep up on every import. Needs a cluster whose character type is UTF-8 (the embedded
 * one is initialised with C.UTF-8), or Chinese characters are silently not indexed.
 */
public final class TrigramBaseline implements AutoCloseable {

    private static final String SCHEMA = "bench_trigram";
    private static final List<String> SETUP = List.of(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
            "CREATE SCHEMA " + SCHEMA,
            """
            CREATE TABLE %s.address AS
            SELECT id, full_address, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM address""".formatted(SCHEMA),
            "CREATE INDEX ON " + SCHEMA + ".address USING gin (full_address gin_trgm_ops)",
            "ANALYZE " + SCHEMA + ".address");
    private static final String BEST = """
            SELECT full_address, lon, lat, word_similarity(?, full_address) AS score
              FROM %s.address
             WHERE ? <%% full_address
             ORDER BY score DESC, id
             LIMIT 1""".formatted(SCHEMA);
    private static final String CTYPE = "SELECT datctype FROM pg_database WHERE datname = current_database()";

    private final DataSource ds;

    private TrigramBaseline(DataSource ds) {
        this.ds = ds;
    }

    /** Copies the standard addresses and indexes them; refuses a cluster whose character type would not index Chinese. */
    public static TrigramBaseline create(DataSource ds) {
        String ctype = Sql.text(ds, CTYPE).orElse("");
        if (!ctype.toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8")) {
            throw new StartupException("the database's character type is " + ctype + ": pg_trgm would not index Chinese; "
                    + "the baseline needs a UTF-8 one (C.UTF-8)");
        }
        Sql.transaction(ds, c -> {
            for (String sql : SETUP) {
                Sql.update(c, sql);
            }
            return null;
        });
        return new TrigramBaseline(ds);
    }

    /** The best row for the text as a candidate (level address, score its word similarity), or null below the threshold. */
    public Candidate best(Connection c, String query) throws SQLException {
        return Sql.one(c, BEST, rs -> new Candidate(rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("score"), MatchLevel.ADDRESS,
                rs.getString("full_address"), null), query, query).orElse(null);
    }

    /** {@link #best(Connection, String)} on a connection of the pool. */
    public Candidate best(String query) {
        try (Connection c = ds.getConnection()) {
            return best(c, query);
        } catch (SQLException e) {
            throw new Sql.DataAccessException(e);
        }
    }

    @Override
    public void close() {
        Sql.update(ds, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
}
