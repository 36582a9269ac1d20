package org.partymap.planner;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes export layers into a GeoPackage (OGC GeoPackage 1.4, SQLite) with NGA's GeoPackage
 * library: one feature table per layer in WGS-84 (EPSG:4326), primary key {@code fid} (as GDAL
 * names it), the layer's columns and an R-tree spatial index — what QGIS opens directly.
 */
final class GeoPackageWriter {

    private GeoPackageWriter() {
    }

    static void write(File file, Map<ExportLayer, List<ExportRepository.Row>> layers) {
        GeoPackageManager.create(file);
        try (GeoPackage gp = GeoPackageManager.open(file)) {
            SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
            for (var e : layers.entrySet()) {
                table(gp, srs, e.getKey(), e.getValue());
            }
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("cannot write the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static void table(GeoPackage gp, SpatialReferenceSystem srs, ExportLayer layer, List<ExportRepository.Row> rows)
            throws IOException {
        var geometry = new GeometryColumns();
        geometry.setId(new TableColumnKey(layer.id(), "geom"));
        geometry.setGeometryType(GeometryType.fromName(layer.geometryType()));
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrsId(srs.getSrsId());
        var columns = new ArrayList<FeatureColumn>();
        for (ExportLayer.Column c : layer.columns()) {
            columns.add(FeatureColumn.createColumn(c.name(), c.type().equals("INTEGER") ? GeoPackageDataType.INTEGER : GeoPackageDataType.TEXT));
        }
        var extent = new Envelope();
        rows.forEach(r -> extent.expandToInclude(r.geometry().getEnvelopeInternal()));
        var box = extent.isNull() ? new BoundingBox(-180, -90, 180, 90)
                : new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        gp.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", columns, box));
        FeatureDao dao = gp.getFeatureDao(layer.id());
        gp.beginTransaction();
        try {
            for (ExportRepository.Row r : rows) {
                FeatureRow row = dao.newRow();
                for (int i = 0; i < columns.size(); i++) {
                    row.setValue(columns.get(i).getName(), r.values().get(i));
                }
                row.setGeometry(GeoPackageGeometryData.create(srs.getSrsId(), GeometryReader.readGeometry(r.wkb())));
                dao.create(row);
            }
            gp.endTransaction();
        } catch (RuntimeException e) {
            gp.endTransaction(false);
            throw e;
        }
        new RTreeIndexExtension(gp).create(dao.getTable());
    }
}
