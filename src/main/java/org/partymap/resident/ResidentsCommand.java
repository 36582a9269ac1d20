package org.partymap.resident;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.partymap.StartupException;
import org.partymap.geocode.GazetteerRepository;
import org.partymap.geocode.Matcher;
import org.partymap.io.InputFiles;
import org.partymap.io.ProgressBar;

/**
 * {@code partymap residents import FILE [--force]}: operators import a residents' register from
 * the command line, into every grid, through the same checks, geocoding and single transaction as
 * an upload; progress on stderr, the summary on stdout. It attaches to a running server's
 * database like the {@code user} commands.
 */
public final class ResidentsCommand {

    public static final String USAGE = """
              residents import FILE [--force]
                                         import a residents' register (CSV, UTF-8 or GBK): geocode every row,
                                         assign its grid, queue the uncertain ones for review; --force imports a
                                         file that was imported before
            """;

    /** A command line this command cannot run; Main prints usage and exits 2. */
    public static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    /** The file and options of {@code residents import}. */
    public record Arguments(Path file, boolean force) {
    }

    private ResidentsCommand() {
    }

    /** Checks the command line before anything is opened. */
    public static Arguments parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("import")) {
            throw new UsageError("residents takes a subcommand: residents import FILE [--force]");
        }
        Path file = null;
        boolean force = false;
        for (String a : args.subList(1, args.size())) {
            if (a.equals("--force")) {
                force = true;
            } else if (a.startsWith("-")) {
                throw new UsageError("unknown option " + a);
            } else if (file == null) {
                file = Path.of(a);
            } else {
                throw new UsageError("residents import takes one FILE");
            }
        }
        if (file == null) {
            throw new UsageError("residents import needs the FILE to import");
        }
        return new Arguments(file, force);
    }

    /**
     * Reads and checks the register before anything is opened or loaded: a refused file costs no database and no
     * gazetteer. Refusals are {@link StartupException}s naming every problem.
     */
    public static ResidentFile.Parsed check(String name, byte[] bytes) {
        try {
            return ResidentFile.read(bytes);
        } catch (ResidentFile.Refused e) {
            throw refused(name, e);
        }
    }

    /** Imports the checked file as the command line (every grid); one-line errors are {@link StartupException}s. */
    public static int run(Arguments args, byte[] bytes, ResidentFile.Parsed checked, DataSource ds, PrintStream out, PrintStream err) {
        String name = args.file().getFileName().toString();
        Map<String, Object> summary = importChecked(ds, bytes, checked, name, ResidentImporter.Uploader.commandLine(), args.force(), err);
        out.print(ResidentImporter.describe(name, summary));
        return 0;
    }

    /** Checks the file, registers the import, then loads the gazetteer and imports with a progress bar on {@code err}; returns the summary. */
    public static Map<String, Object> importFile(DataSource ds, byte[] bytes, String name, ResidentImporter.Uploader who, boolean force,
                                                 PrintStream err) {
        return importChecked(ds, bytes, check(name, bytes), name, who, force, err);
    }

    private static Map<String, Object> importChecked(DataSource ds, byte[] bytes, ResidentFile.Parsed checked, String name,
                                                     ResidentImporter.Uploader who, boolean force, PrintStream err) {
        var gazetteer = new AtomicReference<Matcher>();
        var importer = new ResidentImporter(ds, gazetteer::get);
        ResidentImporter.Prepared prepared;
        try {
            prepared = importer.prepare(bytes, checked, name, who, force);
        } catch (ResidentImporter.AlreadyImported e) {
            throw new StartupException(name + ": " + e.getMessage() + "; --force imports it again");
        }
        gazetteer.set(loadGazetteer(ds, err)); // only for a file that will be imported
        var bar = new ProgressBar(err, "geocoding", prepared.rows());
        return importer.run(prepared, (phase, done, total) -> {
            if (phase.equals("geocoding")) {
                bar.update(done);
            } else if (phase.equals("writing")) {
                bar.finish();
                err.println("writing " + total + " rows in one transaction …");
            }
        });
    }

    private static Matcher loadGazetteer(DataSource ds, PrintStream err) {
        long start = System.nanoTime();
        var matcher = new Matcher(new GazetteerRepository(ds).load());
        err.printf(Locale.ROOT, "gazetteer: %,d standard addresses, loaded in %.1f s%n", matcher.gazetteer().addressCount(),
                (System.nanoTime() - start) / 1e9);
        return matcher;
    }

    private static StartupException refused(String name, ResidentFile.Refused e) {
        return new StartupException("import refused, nothing was written: " + name + "\n  " + String.join("\n  ", e.problems()));
    }
}
