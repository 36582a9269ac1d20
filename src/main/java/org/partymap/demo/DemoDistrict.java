package org.partymap.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.partymap.StartupException;
import org.partymap.db.Sql;
import org.partymap.grid.GridAssignment;

/**
 * The demo district end to end: generated in memory, its resident register written under
 * {@code $PARTYMAP_HOME/demo/}, and its layers written into the database in one transaction.
 * {@code ./partymap demo} calls {@link #loadIfEmpty} on start; {@code ./partymap generate-demo}
 * calls {@link #generate}, which refuses a database that holds data unless told to replace it.
 */
public final class DemoDistrict {

    /** What was made: rows per table, where the register went, a digest of every byte written. */
    public record Result(Map<String, Integer> rows, Path registerDir, String digest) {

        public String describe() {
            var sb = new StringBuilder();
            rows.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%,d %s, ", v, k)));
            return sb.append("residents' register in ").append(registerDir).append("; digest ").append(digest).toString();
        }
    }

    private static final String HOLDING = """
            SELECT (SELECT count(*) FROM subdistrict), (SELECT count(*) FROM community), (SELECT count(*) FROM grid),
                   (SELECT count(*) FROM street), (SELECT count(*) FROM address), (SELECT count(*) FROM station),
                   (SELECT count(*) FROM estate), (SELECT count(*) FROM building)""";
    /** The service history first (it refers to grids, stations and communities), then the layers; CASCADE takes residents and scopes. */
    private static final String CLEAR = "TRUNCATE " + String.join(", ", ServiceHistory.TABLES) + ", "
            + String.join(", ", DistrictWriter.OWNED) + " RESTART IDENTITY CASCADE";
    private static final int PHASES = DemoGenerator.PHASES + 4;

    private DemoDistrict() {
    }

    /** Generates the demo district when the database holds no layers yet; true if it did. */
    public static boolean loadIfEmpty(DataSource ds, Path dataDir, Path home, PrintStream progress) {
        String held = holding(ds);
        if (held != null) {
            if (progress != null) {
                progress.println("demo: the database already holds " + held + "; serving it as it is"
                        + " (./partymap generate-demo --replace makes the demo district afresh)");
            }
            return false;
        }
        generate(ds, dataDir, home, false, progress);
        return true;
    }

    /**
     * Generates the district and writes it.
     *
     * @param replace clear the demo's layers (and what refers to them: residents, account scopes)
     *                first; without it a database that holds layers is refused
     * @throws StartupException when the database holds layers and {@code replace} is false
     */
    public static Result generate(DataSource ds, Path dataDir, Path home, boolean replace, PrintStream progress) {
        String held = holding(ds);
        if (held != null && !replace) {
            throw new StartupException("the database already holds " + held
                    + "; generate-demo --replace clears those layers (and the residents and account scopes that refer to them)"
                    + " and generates the demo district again");
        }
        var inputs = DemoInputs.read(dataDir);
        var bar = new Progress(progress, PHASES);
        District d = new DemoGenerator(inputs, bar).generate();
        Path dir = home.resolve("demo");
        Map<String, byte[]> files = new LinkedHashMap<>();
        bar.phase("residents' register", () -> {
            var register = new ResidentRegister(d, inputs, new People(inputs), DemoGenerator.random(inputs, 8));
            files.putAll(ResidentFiles.render(register.generate(inputs.integer("residents"))));
        }, () -> Progress.count(inputs.integer("residents"), "fictitious residents"));
        var tables = DistrictWriter.tables(d);
        bar.phase("database", () -> Sql.transaction(ds, c -> {
            if (held != null) {
                Sql.update(c, CLEAR);
            }
            DistrictWriter.write(c, d, tables);
            return null;
        }), () -> "COPY " + Progress.count(tables.stream().mapToInt(t -> t.rows().rows()).sum(), "rows"));
        bar.phase("grid assignment check", () -> check(ds), () -> "every address, building and station in its grid");
        bar.phase("register files", () -> ResidentFiles.write(files, dir), () -> files.size() + " files in " + dir);
        var rows = new LinkedHashMap<String, Integer>();
        tables.forEach(t -> rows.put(t.name(), t.rows().rows()));
        String digest = digest(tables, files);
        bar.total("demo district generated, digest " + digest.substring(0, 16));
        return new Result(rows, dir, digest);
    }

    /** Runs the real grid assignment, which must find nothing to move, and refreshes statistics. */
    private static void check(DataSource ds) {
        var moved = Sql.transaction(ds, GridAssignment::assignAll);
        if (moved.addresses() + moved.buildings() + moved.stations() != 0) {
            throw new IllegalStateException("the generator put things in the wrong grid: grid assignment moved " + moved);
        }
        for (String table : DistrictWriter.OWNED) {
            Sql.update(ds, "ANALYZE " + table);
        }
    }

    /** A description of the layers the database holds, or null when it holds none. */
    static String holding(DataSource ds) {
        long[] n = Sql.one(ds, HOLDING, rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)}).orElseThrow();
        String[] names = {"subdistricts", "communities", "grids", "streets", "addresses", "stations", "estates", "buildings"};
        var parts = new StringBuilder();
        for (int i = 0; i < n.length; i++) {
            if (n[i] > 0) {
                parts.append(parts.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s", n[i], names[i]));
            }
        }
        return parts.length() == 0 ? null : parts.toString();
    }

    /** SHA-256 over every COPY stream and every file, in order: equal on every machine for the same inputs. */
    private static String digest(List<DistrictWriter.Table> tables, Map<String, byte[]> files) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            for (var t : tables) {
                md.update(t.name().getBytes(StandardCharsets.UTF_8));
                md.update(t.rows().text().getBytes(StandardCharsets.UTF_8));
            }
            md.update(ResidentFiles.digest(files).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
