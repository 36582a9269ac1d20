package org.partymap.planner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.partymap.db.Sql;

/** The rows of an export layer within a scope: column values in the layer's order and the geometry (lon/lat). */
final class ExportRepository {

    /** Which subdistricts (all, or these) and optionally which community. */
    record Scope(boolean everything, Set<Integer> subdistricts, Integer community) {
    }

    /** Column values in the layer's order, and the geometry as WKB (lon/lat). */
    record Row(List<Object> values, byte[] wkb) {

        Geometry geometry() {
            try {
                return new WKBReader().read(wkb);
            } catch (ParseException e) {
                throw new IllegalStateException("unreadable geometry from PostGIS", e);
            }
        }
    }

    private final DataSource ds;

    ExportRepository(DataSource ds) {
        this.ds = ds;
    }

    List<Row> rows(ExportLayer layer, Scope scope) {
        return Sql.list(ds, layer.sql(), rs -> row(rs, layer.columns().size()), scope.everything(),
                scope.subdistricts().toArray(Integer[]::new), scope.community(), scope.community());
    }

    private static Row row(ResultSet rs, int columns) throws SQLException {
        var values = new ArrayList<Object>(columns);
        for (int i = 1; i <= columns; i++) {
            Object v = rs.getObject(i);
            values.add(v instanceof Number n ? (Object) n.longValue() : v);
        }
        return new Row(values, rs.getBytes(columns + 1));
    }
}
