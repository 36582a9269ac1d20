package org.partymap.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.partymap.db.Sql;
import org.partymap.io.InputFiles;
import org.partymap.resident.ResidentImporter;
import org.partymap.resident.ResidentsCommand;

/**
 * The demo's residents in the resident table: on the first start of {@code ./partymap demo}, the
 * register the demo wrote ({@code $PARTYMAP_HOME/demo/residents.csv}) goes through the real
 * import — checks, geocoding, grid assignment, review queue, audit — as the demo's import.
 */
public final class DemoResidents {

    static final String FILE = "residents.csv";

    private DemoResidents() {
    }

    /** Imports the demo register when the resident table is empty and the register is there; the summary, or null. */
    public static Map<String, Object> importIfEmpty(DataSource ds, Path home, PrintStream progress) {
        Path file = home.resolve("demo").resolve(FILE);
        long residents = Sql.one(ds, "SELECT count(*) FROM resident", rs -> rs.getLong(1)).orElse(0L);
        if (residents > 0 || !Files.isRegularFile(file)) {
            return null;
        }
        progress.println("demo: importing the residents' register " + file + " (first start) …");
        long start = System.nanoTime();
        Map<String, Object> summary = ResidentsCommand.importFile(ds, InputFiles.read(file), FILE, ResidentImporter.Uploader.demo(),
                false, progress);
        progress.print(ResidentImporter.describe(FILE, summary));
        progress.printf(Locale.ROOT, "demo: %,d residents imported in %.1f s, gazetteer load included%n", summary.get("imported"),
                (System.nanoTime() - start) / 1e9);
        return summary;
    }
}
