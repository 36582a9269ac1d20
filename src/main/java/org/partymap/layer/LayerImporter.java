package org.partymap.layer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.partymap.db.Sql;
import org.partymap.geo.Crs;
import org.partymap.grid.GridAssignment;

/**
 * Imports a layer file: reads it, converts its coordinates to WGS-84, checks every feature and
 * writes them all in one transaction, then puts addresses, buildings and stations in their grids.
 * A file with any problem is refused whole: the transaction is rolled back and the exception lists
 * the problems, each with its feature number or CSV line.
 */
public final class LayerImporter {

    private final DataSource ds;

    public LayerImporter(DataSource ds) {
        this.ds = ds;
    }

    /** What an import did. */
    public record Result(Layer layer, int features, int inserted, int updated, GridAssignment.Counts assigned) {
        public String describe() {
            return String.format("%d feature(s) into %s: %d added, %d updated; reassigned to grids: %d addresses, %d buildings, %d stations",
                    features, layer.id(), inserted, updated, assigned.addresses(), assigned.buildings(), assigned.stations());
        }
    }

    /**
     * @param fileName  used to tell CSV from GeoJSON (by its ending) and in the history
     * @param changedBy who imports, for the grid history
     */
    public Result importFile(byte[] bytes, String fileName, Layer layer, Crs crs, String changedBy) {
        List<LayerFeature> features = LayerFileReader.read(bytes, fileName, layer);
        var problems = new ArrayList<String>();
        var checked = new ArrayList<Checked>();
        for (LayerFeature f : features) {
            var props = new Props(f, problems);
            Geometry wgs84 = crs.toWgs84(f.geometry().copy());
            for (Geometry g : GeometryCheck.check(layer.shape(), wgs84, props)) {
                checked.add(new Checked(g, props));
            }
            if (problems.size() >= LayerImportException.MAX_PROBLEMS) {
                throw new LayerImportException(problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new LayerImportException(problems);
        }
        return Sql.transaction(ds, c -> {
            var writer = new LayerWriter(c, changedBy, "imported from " + fileName, problems);
            for (Checked item : checked) {
                try {
                    writer.write(layer, item.geometry(), item.props());
                } catch (SQLException e) {
                    item.props().problem("the database refused it: " + firstLine(e.getMessage()));
                    throw new LayerImportException(problems);
                }
                if (problems.size() >= LayerImportException.MAX_PROBLEMS) {
                    break;
                }
            }
            if (!problems.isEmpty()) {
                throw new LayerImportException(problems);
            }
            GridAssignment.Counts assigned = GridAssignment.assignAll(c);
            var counts = writer.counts();
            return new Result(layer, features.size(), counts.inserted(), counts.updated(), assigned);
        });
    }

    private record Checked(Geometry geometry, Props props) {
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
