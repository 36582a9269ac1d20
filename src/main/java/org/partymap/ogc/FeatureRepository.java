package org.partymap.ogc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.partymap.db.Sql;

/**
 * Reads the features of the collections. A page goes to its sink row by row as PostgreSQL sends
 * it (a cursor: autocommit off and a fetch size), so that neither the server nor the driver ever
 * holds a whole page, let alone a whole collection. The count and the page are read in one
 * repeatable-read transaction, so numberMatched and the next link agree with the rows sent.
 */
public final class FeatureRepository {

    /** Rows per round trip of the cursor. */
    static final int FETCH_SIZE = 500;

    /** Receives one page of features as they are read. */
    public interface PageSink {
        /** Called once before the first feature, with the number of features the query matches. */
        void start(long numberMatched) throws IOException;

        /** One feature as GeoJSON text. */
        void feature(String geojson) throws IOException;

        void end(int numberReturned) throws IOException;
    }

    /**
     * The extent of a collection.
     *
     * @param first the earliest time of its features; empty without time
     * @param last  the latest; empty without time, or when some feature is still valid (open end)
     */
    public record Extent(Optional<Envelope> box, Optional<OffsetDateTime> first, Optional<OffsetDateTime> last) {
    }

    private final DataSource ds;
    private final Map<String, FeatureSql> sql = new LinkedHashMap<>();

    public FeatureRepository(DataSource ds, CollectionCatalog catalog) {
        this.ds = ds;
        catalog.all().forEach(c -> sql.put(c.id(), new FeatureSql(c)));
    }

    /** Streams one page of a query to the sink. SQL errors before {@code start} leave the sink untouched. */
    public void page(OgcCollection c, FeatureQuery q, PageSink sink) throws IOException {
        FeatureSql s = sql.get(c.id());
        try (Connection con = ds.getConnection()) {
            con.setAutoCommit(false);
            con.setReadOnly(true);
            con.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                FeatureSql.Statement count = s.count(q);
                long matched = Sql.one(con, count.sql(), rs -> rs.getLong(1), count.params().toArray()).orElse(0L);
                FeatureSql.Statement page = s.page(q);
                try (PreparedStatement ps = Sql.prepare(con, page.sql(), page.params().toArray())) {
                    ps.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = ps.executeQuery()) {
                        sink.start(matched);
                        int returned = 0;
                        while (rs.next()) {
                            sink.feature(rs.getString(1));
                            returned++;
                        }
                        sink.end(returned);
                    }
                }
                con.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                con.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Sql.DataAccessException(e);
        }
    }

    /** One feature as GeoJSON text, or empty when the collection has none with that id. */
    public Optional<String> one(OgcCollection c, long id) {
        FeatureSql.Statement one = sql.get(c.id()).one(id);
        return Sql.one(ds, one.sql(), rs -> rs.getString(1), one.params().toArray());
    }

    public Extent extent(OgcCollection c) {
        FeatureSql.Statement extent = sql.get(c.id()).extent();
        return Sql.one(ds, extent.sql(), FeatureRepository::extent, extent.params().toArray()).orElseThrow();
    }

    private static Extent extent(ResultSet rs) throws SQLException {
        double minX = rs.getDouble(1);
        Optional<Envelope> box = rs.wasNull() ? Optional.empty()
                : Optional.of(new Envelope(minX, rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
        return new Extent(box, Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)),
                Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)));
    }
}
