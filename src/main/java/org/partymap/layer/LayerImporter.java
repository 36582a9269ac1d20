package org.partymap.layer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.partymap.db.Sql;
import org.partymap.geo.Crs;
import org.partymap.geocode.GazetteerRepository;
import org.partymap.geocode.Matcher;
import org.partymap.grid.GridAssignment;

/**
 * Imports a layer file: reads it, converts its coordinates to WGS-84 (or geocodes the stations
 * given by address, see {@link AddressPlacer}), checks every feature and
 * writes them all in one transaction, then puts addresses, buildings and stations in their grids.
 * A file with any problem is refused whole: the transaction is rolled back and the exception lists
 * the problems, each with its feature number or CSV line.
 */
public final class LayerImporter {

    private final DataSource ds;
    private final Supplier<Matcher> geocoder;

    /** An importer that geocodes stations given by address against the database's gazetteer as it is now. */
    public LayerImporter(DataSource ds) {
        this(ds, () -> new Matcher(new GazetteerRepository(ds).load()));
    }

    /** @param geocoder the matcher for stations given by address, asked for only when there is one */
    public LayerImporter(DataSource ds, Supplier<Matcher> geocoder) {
        this.ds = ds;
        this.geocoder = geocoder;
    }

    /** What an import did; {@code geocoded} features were placed by their address. */
    public record Result(Layer layer, int features, int inserted, int updated, int geocoded, GridAssignment.Counts assigned) {
        public String describe() {
            return String.format("%d feature(s) into %s: %d added, %d updated%s; reassigned to grids: %d addresses, %d buildings, %d stations",
                    features, layer.id(), inserted, updated, geocoded == 0 ? "" : ", " + geocoded + " placed by their address",
                    assigned.addresses(), assigned.buildings(), assigned.stations());
        }
    }

    /**
     * @param fileName  used to tell CSV from GeoJSON (by its ending) and in the history
     * @param changedBy who imports, for the grid history
     */
    public Result importFile(byte[] bytes, String fileName, Layer layer, Crs crs, String changedBy) {
        return importFeatures(read(bytes, fileName, layer), fileName, layer, crs, changedBy);
    }

    /**
     * Reads a layer file without a database: what cannot be read is refused before anything is opened.
     *
     * @throws LayerImportException naming every problem
     */
    public static List<LayerFeature> read(byte[] bytes, String fileName, Layer layer) {
        return LayerFileReader.read(bytes, fileName, layer);
    }

    /** Checks and writes features {@link #read} from {@code fileName}, all or nothing. */
    public Result importFeatures(List<LayerFeature> features, String fileName, Layer layer, Crs crs, String changedBy) {
        var problems = new ArrayList<String>();
        var checked = new ArrayList<Checked>();
        var placer = new AddressPlacer(geocoder);
        for (LayerFeature f : features) {
            var props = new Props(f, problems);
            Geometry wgs84 = f.geometry() == null ? placer.place(props) : crs.toWgs84(f.geometry().copy());
            if (wgs84 != null) {
                for (Geometry g : GeometryCheck.check(layer.shape(), wgs84, props)) {
                    checked.add(new Checked(g, props));
                }
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
            return new Result(layer, features.size(), counts.inserted(), counts.updated(), placer.placed(), assigned);
        });
    }

    private record Checked(Geometry geometry, Props props) {
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
