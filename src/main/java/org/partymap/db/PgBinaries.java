package org.partymap.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.partymap.StartupException;

/**
 * The PostgreSQL server programs the embedded cluster runs, and the extensions installed beside
 * them. Debian and Ubuntu keep each major version under {@code /usr/lib/postgresql/N/bin} with its
 * extensions in {@code /usr/share/postgresql/N/extension}.
 */
public record PgBinaries(Path binDir, Path extensionDir, int majorVersion) {

    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    /** The override when given, else the newest installed version that has PostGIS. */
    public static PgBinaries find(Optional<Path> override) {
        return override.map(PgBinaries::fromBinDir).orElseGet(PgBinaries::newestWithPostgis);
    }

    public Path program(String name) {
        return binDir.resolve(name);
    }

    public boolean hasExtension(String name) {
        return Files.isRegularFile(extensionDir.resolve(name + ".control"));
    }

    private static PgBinaries fromBinDir(Path bin) {
        for (String program : List.of("initdb", "pg_ctl", "postgres")) {
            if (!Files.isExecutable(bin.resolve(program))) {
                throw new StartupException("PARTYMAP_PG_BIN=" + bin + " has no executable " + program);
            }
        }
        Path version = bin.getParent();
        int major = parseMajor(version.getFileName().toString()).orElse(0);
        Path debianShare = Path.of("/usr/share/postgresql", version.getFileName().toString(), "extension");
        Path share = Files.isDirectory(debianShare) ? debianShare : version.resolve("share/extension");
        PgBinaries found = new PgBinaries(bin, share, major);
        found.requirePostgis();
        return found;
    }

    private static PgBinaries newestWithPostgis() {
        List<PgBinaries> installed = installedVersions();
        if (installed.isEmpty()) {
            throw new StartupException("PostgreSQL server is not installed. Install it with: "
                    + "apt-get install postgresql postgresql-15-postgis-3 postgresql-15-pgrouting "
                    + "(or run ./partymap demo, which installs what is missing)");
        }
        return installed.stream()
                .filter(b -> b.hasExtension("postgis"))
                .findFirst()
                .orElseGet(() -> {
                    installed.get(0).requirePostgis();
                    return installed.get(0);
                });
    }

    private void requirePostgis() {
        if (!hasExtension("postgis")) {
            throw new StartupException("PostGIS is not installed for PostgreSQL " + majorVersion
                    + " (" + binDir + "). Install it with: apt-get install postgresql-" + majorVersion
                    + "-postgis-3 postgresql-" + majorVersion + "-pgrouting");
        }
    }

    private static List<PgBinaries> installedVersions() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions
                    .filter(v -> parseMajor(v.getFileName().toString()).isPresent())
                    .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                    .map(v -> new PgBinaries(v.resolve("bin"),
                            Path.of("/usr/share/postgresql", v.getFileName().toString(), "extension"),
                            parseMajor(v.getFileName().toString()).orElseThrow()))
                    .sorted(Comparator.comparingInt(PgBinaries::majorVersion).reversed())
                    .toList();
        } catch (IOException e) {
            throw new StartupException("cannot list " + DEBIAN_ROOT + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Integer> parseMajor(String name) {
        try {
            return Optional.of(Integer.parseInt(name));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
