package org.partymap.geocode;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.partymap.Config;
import org.partymap.StartupException;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;
import org.partymap.io.CsvTable;
import org.partymap.io.CsvWriter;
import org.partymap.io.InputFiles;
import org.partymap.io.ProgressBar;
import org.partymap.io.TextDecoding;

/**
 * {@code partymap geocode IN.csv --column address > OUT.csv}: geocodes one column of any CSV file
 * (UTF-8 or GBK) against the database's gazetteer and writes the file again, in its own encoding,
 * with the columns lon, lat, level, score, matched_address, grid_code and grid_name added (or
 * overwritten when the file has them). Progress and a summary go to stderr. A file that cannot be
 * read (no such column, a broken encoding, a ragged row) stops it with one line naming the
 * problem, and nothing is written to stdout.
 */
public final class GeocodeCommand {

    static final List<String> ADDED = List.of("lon", "lat", "level", "score", "matched_address", "grid_code", "grid_name");

    private GeocodeCommand() {
    }

    /** A command line this command cannot run; Main prints usage and exits 2. */
    public static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String column = "address";
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--column")) {
                if (i + 1 >= args.size()) {
                    throw new UsageError("--column needs a value");
                }
                column = args.get(++i);
            } else if (a.startsWith("--column=")) {
                column = a.substring("--column=".length());
            } else if (a.startsWith("-")) {
                throw new UsageError("unknown option " + a);
            } else if (file == null) {
                file = Path.of(a);
            } else {
                throw new UsageError("geocode takes one CSV file");
            }
        }
        if (file == null) {
            throw new UsageError("geocode takes one CSV file: geocode IN.csv --column address > OUT.csv");
        }
        Input input = read(file, column);
        try (Database db = Database.open(Config.fromEnv(), LocalPostgis.Mode.ATTACH)) {
            long start = System.nanoTime();
            Matcher matcher = new Matcher(new GazetteerRepository(db.dataSource()).load());
            err.printf(Locale.ROOT, "gazetteer: %d standard addresses, loaded in %.1f s%n", matcher.gazetteer().addressCount(),
                    (System.nanoTime() - start) / 1e9);
            var items = new ArrayList<BatchGeocoder.Item>();
            for (CsvTable.Row row : input.table().rows()) {
                items.add(new BatchGeocoder.Item(row.line(), row.fields().get(input.column())));
            }
            var bar = new ProgressBar(err, "geocoding", items.size());
            BatchGeocoder.Result result = new BatchGeocoder(matcher).geocode(items, bar::update);
            bar.finish();
            byte[] csv = write(input, result).getBytes(input.charset());
            out.write(csv, 0, csv.length);
            out.flush();
            err.print(result.summary());
            return 0;
        }
    }

    /** The file read and checked: its table, the column to geocode, and the encoding to write it back in. */
    private record Input(CsvTable table, int column, Charset charset, boolean bom) {
    }

    private static Input read(Path file, String column) {
        byte[] bytes = InputFiles.read(file);
        CsvTable.Read read;
        try {
            read = CsvTable.read(bytes);
        } catch (CsvTable.CsvException e) {
            throw new StartupException(file + ": " + e.getMessage());
        }
        CsvTable table = read.table();
        int index = table.column(column).orElseThrow(() -> new StartupException(file + ": the header has no column '"
                + column + "'; its columns are: " + String.join(", ", table.header())));
        boolean gbk = read.encoding().startsWith("GB");
        return new Input(table, index, gbk ? TextDecoding.GB18030 : StandardCharsets.UTF_8, read.encoding().contains("BOM"));
    }

    private static String write(Input input, BatchGeocoder.Result result) {
        List<String> header = new ArrayList<>(input.table().header());
        int[] at = new int[ADDED.size()];
        for (int i = 0; i < ADDED.size(); i++) {
            int existing = input.table().column(ADDED.get(i)).orElse(-1);
            if (existing < 0) {
                existing = header.size();
                header.add(ADDED.get(i));
            }
            at[i] = existing;
        }
        var csv = new StringBuilder(input.bom() ? "\uFEFF" : "").append(CsvWriter.row(header.toArray(String[]::new)));
        List<CsvTable.Row> rows = input.table().rows();
        for (int r = 0; r < rows.size(); r++) {
            List<String> fields = new ArrayList<>(rows.get(r).fields());
            while (fields.size() < header.size()) {
                fields.add("");
            }
            List<String> values = values(result.best().get(r));
            for (int i = 0; i < at.length; i++) {
                fields.set(at[i], values.get(i));
            }
            csv.append(CsvWriter.row(fields.toArray(String[]::new)));
        }
        return csv.toString();
    }

    private static List<String> values(Candidate c) {
        if (c == null) {
            return List.of("", "", "", "", "", "", "");
        }
        return List.of(String.format(Locale.ROOT, "%.7f", c.lon()), String.format(Locale.ROOT, "%.7f", c.lat()),
                c.level().code(), String.format(Locale.ROOT, "%.3f", c.score()), c.address(),
                c.grid() == null ? "" : c.grid().code(), c.grid() == null ? "" : c.grid().name());
    }
}
