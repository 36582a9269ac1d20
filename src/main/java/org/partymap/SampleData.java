package org.partymap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.partymap.geo.Crs;
import org.partymap.layer.Layer;
import org.partymap.layer.LayerImportException;
import org.partymap.layer.LayerImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small sample layers in {@code data/sample}, loaded through the ordinary import path: the
 * tests' fixture, and an example of every file {@code ./partymap import} takes. (The demo
 * district itself is generated: see {@code org.partymap.demo}.)
 */
public final class SampleData {

    private static final Logger log = LoggerFactory.getLogger(SampleData.class);
    private static final List<String[]> FILES = List.of(
            new String[] {"subdistricts.geojson", "subdistricts"},
            new String[] {"communities.geojson", "communities"},
            new String[] {"grids.geojson", "grids"},
            new String[] {"streets.geojson", "streets"},
            new String[] {"stations.csv", "stations"},
            new String[] {"addresses.csv", "addresses"});

    private SampleData() {
    }

    /** Imports every sample layer, in the order their parents need. */
    public static void load(DataSource ds, Path dataDir) {
        Path dir = dataDir.resolve("sample");
        var importer = new LayerImporter(ds);
        for (String[] f : FILES) {
            Path file = dir.resolve(f[0]);
            try {
                var result = importer.importFile(Files.readAllBytes(file), f[0], Layer.parse(f[1]), Crs.WGS84, "demo");
                log.info("sample data: {}", result.describe());
            } catch (IOException e) {
                throw new StartupException("cannot read the sample layer " + file + ": " + e.getMessage());
            } catch (LayerImportException e) {
                throw new StartupException("the sample layer " + file + " does not load: " + String.join("; ", e.problems()));
            }
        }
    }
}
