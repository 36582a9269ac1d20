package org.partymap.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.partymap.SampleData;
import org.partymap.db.Database;

/**
 * Loads the sample layers of {@code data/sample} (one subdistrict, two communities, four grids,
 * eight streets, four stations, five addresses around lon 120.14–120.16, lat 33.38–33.40) through
 * the ordinary import path.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static void loadSample(Database db) {
        SampleData.load(db.dataSource(), Path.of("data"));
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
