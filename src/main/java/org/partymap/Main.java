package org.partymap;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.partymap.auth.Accounts;
import org.partymap.auth.DemoAccounts;
import org.partymap.auth.SessionStore;
import org.partymap.auth.UserCommand;
import org.partymap.card.CardsCommand;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;
import org.partymap.db.Sql;
import org.partymap.demo.DemoDistrict;
import org.partymap.demo.DemoResidents;
import org.partymap.demo.ActivityHistory;
import org.partymap.demo.CareHistory;
import org.partymap.demo.ServiceHistory;
import org.partymap.demo.WishHistory;
import org.partymap.geo.Crs;
import org.partymap.geocode.GeocodeCommand;
import org.partymap.health.DistrictCounts;
import org.partymap.io.InputFiles;
import org.partymap.layer.Layer;
import org.partymap.layer.LayerImportException;
import org.partymap.layer.LayerImporter;
import org.partymap.resident.ResidentsCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line behind {@code ./partymap}: serve, demo, import, geocode. Errors an operator can fix are
 * printed as one line and exit 1; a wrong command line is one line too, pointing to {@code ./partymap help}
 * (the launcher's usage, which also lists what it installs), and exits 2.
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);
    static final String SEE_HELP = "see ./partymap help";
    static final String USAGE = """
            usage: partymap <command> [arguments]

              demo                       serve the demo district (generated on first start)
              serve                      serve whatever the database holds
              generate-demo [--replace]  generate the demo district into the database and its residents'
                                         register into $PARTYMAP_HOME/demo; --replace clears a database
                                         that holds data first
              import FILE --layer LAYER [--crs wgs84|gcj02]
                                         load a GeoJSON file, or a CSV with lon/lat for point layers;
                                         layers: %s
              geocode IN.csv [--column address] > OUT.csv
                                         add lon, lat, level, score and grid to a CSV of addresses
              stats                      count what the database holds: grids, buildings, addresses …
            %s%s%s  bench WHAT [options]       measure a speed and print the figures; WHAT: %s
                                         (bench geocode [--set FILE]... [--seconds N] [--warmup N]
                                                        [--clients N] [--no-import] | --generate FILE)
                                         (bench ogc [--features N] [--limit L] [--compare])
                                         (bench map [--synthetic] [--seconds N] [--warmup N]
                                                    [--clients 16,32] [--no-browser])
                                         (bench planner [--edits N] [--rounds N])
                                         (bench cards [--synthetic | --demo])
                                         (bench consult [--workers N] [--per-grid N] [--rate N]
                                                        [--seconds N] [--inbox-clients N])
              help                       this text
            """.formatted(Layer.names(), ResidentsCommand.USAGE, CardsCommand.USAGE, UserCommand.USAGE, Bench.names());

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            LogLevel.apply(isServer(args), System.getenv());
            code = run(args, System.out);
        } catch (UsageException e) {
            System.err.println("partymap: " + e.getMessage() + "; " + SEE_HELP);
            code = 2;
        } catch (StartupException e) {
            System.err.println("partymap: " + e.getMessage());
            code = 1;
        }
        if (code != 0 || !isServer(args)) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "serve" -> serve(false, rest);
            case "demo" -> serve(true, rest);
            case "import" -> importLayer(rest, out);
            case "generate-demo" -> generateDemo(rest, out);
            case "geocode" -> geocode(rest, out);
            case "bench" -> Bench.run(rest, out);
            case "user" -> user(rest, out);
            case "residents" -> residents(rest, out);
            case "cards" -> cards(rest, out);
            case "stats" -> stats(rest, out);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        };
    }

    private static boolean isServer(String[] args) {
        return args.length > 0 && (args[0].equals("serve") || args[0].equals("demo"));
    }

    private static int serve(boolean demo, List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("serve and demo take no arguments; configure them with PARTYMAP_* variables");
        }
        Config config = Config.fromEnv();
        config.describe().forEach((k, v) -> log.info("config {} = {}", k, v));
        Database db = Database.open(config, LocalPostgis.Mode.OWN);
        try {
            if (demo) {
                DemoDistrict.loadIfEmpty(db.dataSource(), config.dataDir(), config.home(), System.err);
                DemoResidents.importIfEmpty(db.dataSource(), config.home(), System.err);
                ServiceHistory.writeIfEmpty(db.dataSource(), config, Clock.systemUTC(), System.err);
                ActivityHistory.writeIfEmpty(db.dataSource(), config.dataDir(), Clock.systemUTC(), System.err);
                WishHistory.writeIfEmpty(db.dataSource(), config.dataDir(), Clock.systemUTC(), System.err);
                CareHistory.writeIfEmpty(db.dataSource(), config, Clock.systemUTC(), System.err);
                DemoAccounts.createIfNone(db.dataSource(), accounts(db, config), System.out);
            }
            Javalin app = App.create(config, db).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("shutting down");
                app.stop();
                db.close();
            }, "partymap-shutdown"));
            String host = config.host().equals("0.0.0.0") ? "localhost" : config.host();
            System.out.println("partymap is serving http://" + host + ":" + app.port() + "/  (Ctrl-C stops it)");
            return 0;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static int importLayer(List<String> args, PrintStream out) {
        var positional = new ArrayList<String>();
        String layerName = null;
        String crsName = "wgs84";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--layer") || a.equals("--crs")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                if (a.equals("--layer")) {
                    layerName = args.get(++i);
                } else {
                    crsName = args.get(++i);
                }
            } else if (a.startsWith("--layer=")) {
                layerName = a.substring(8);
            } else if (a.startsWith("--crs=") || a.startsWith("crs=")) {
                crsName = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 1 || layerName == null) {
            throw new UsageException("import takes one FILE and --layer LAYER");
        }
        Layer layer;
        Crs crs;
        try {
            layer = Layer.parse(layerName);
            crs = Crs.parse(crsName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path file = Path.of(positional.get(0));
        String name = file.getFileName().toString();
        byte[] bytes = InputFiles.read(file);
        try {
            var features = LayerImporter.read(bytes, name, layer); // a file that cannot be read is refused before the database opens
            try (Database db = Database.open(Config.fromEnv(), LocalPostgis.Mode.ATTACH)) {
                var result = new LayerImporter(db.dataSource()).importFeatures(features, name, layer, crs, "import");
                out.println("imported " + result.describe());
                return 0;
            }
        } catch (LayerImportException e) {
            var msg = new StringBuilder("import refused, nothing was written: " + file);
            e.problems().forEach(p -> msg.append("\n  ").append(p));
            throw new StartupException(msg.toString());
        } catch (Sql.DataAccessException e) {
            throw new StartupException("the database failed during the import, nothing was written: " + e.getMessage());
        }
    }

    private static int geocode(List<String> args, PrintStream out) {
        try {
            return GeocodeCommand.run(args, out, System.err);
        } catch (GeocodeCommand.UsageError e) {
            throw new UsageException(e.getMessage());
        } catch (Sql.DataAccessException e) {
            throw new StartupException("the database failed while geocoding: " + e.getMessage());
        }
    }

    private static int user(List<String> args, PrintStream out) {
        try {
            UserCommand.checkArguments(args);
            Config config = Config.fromEnv();
            try (Database db = Database.open(config, LocalPostgis.Mode.ATTACH)) {
                return new UserCommand(accounts(db, config), out, System.in, System.console()).run(args);
            }
        } catch (UserCommand.UsageError e) {
            throw new UsageException(e.getMessage());
        } catch (UserCommand.Failure e) {
            throw new StartupException(e.getMessage());
        } catch (Sql.DataAccessException e) {
            throw new StartupException("the database failed, nothing was changed: " + e.getMessage());
        }
    }

    private static int residents(List<String> args, PrintStream out) {
        ResidentsCommand.Arguments parsed;
        try {
            parsed = ResidentsCommand.parse(args);
        } catch (ResidentsCommand.UsageError e) {
            throw new UsageException(e.getMessage());
        }
        // a missing, unreadable or refused file is reported before the database is opened
        byte[] bytes = InputFiles.read(parsed.file());
        var checked = ResidentsCommand.check(parsed.file().getFileName().toString(), bytes);
        try (Database db = Database.open(Config.fromEnv(), LocalPostgis.Mode.ATTACH)) {
            return ResidentsCommand.run(parsed, bytes, checked, db.dataSource(), out, System.err);
        } catch (Sql.DataAccessException e) {
            throw new StartupException("the database failed during the import, nothing was written: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static int cards(List<String> args, PrintStream out) {
        CardsCommand.Arguments parsed;
        try {
            parsed = CardsCommand.parse(args);
        } catch (CardsCommand.UsageError e) {
            throw new UsageException(e.getMessage());
        }
        Config config = Config.fromEnv();
        var link = CardsCommand.check(config);
        try (Database db = Database.open(config, LocalPostgis.Mode.ATTACH)) {
            int n = CardsCommand.run(parsed, config, link, db.dataSource(), out);
            System.err.println("partymap: wrote " + n + " cards");
            return 0;
        } catch (java.io.IOException e) {
            throw new StartupException("the PDF could not be written: " + e.getMessage());
        } catch (Sql.DataAccessException e) {
            throw new StartupException("the database failed: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static int stats(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            throw new UsageException("stats takes no arguments");
        }
        try (Database db = Database.open(Config.fromEnv(), LocalPostgis.Mode.ATTACH)) {
            out.print(DistrictCounts.of(db.dataSource()).describe());
            return 0;
        } catch (Sql.DataAccessException e) {
            throw new StartupException("the database failed: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Accounts accounts(Database db, Config config) {
        var security = config.security();
        return new Accounts(db.dataSource(), new SessionStore(db.dataSource(), security.sessionIdle(), security.sessionMax()));
    }

    private static int generateDemo(List<String> args, PrintStream out) {
        boolean replace = false;
        for (String a : args) {
            if (a.equals("--replace")) {
                replace = true;
            } else {
                throw new UsageException("generate-demo takes only --replace, not '" + a + "'");
            }
        }
        Config config = Config.fromEnv();
        try (Database db = Database.open(config, LocalPostgis.Mode.ATTACH)) {
            var result = DemoDistrict.generate(db.dataSource(), config.dataDir(), config.home(), replace, System.err);
            out.println("generated the demo district: " + result.describe());
            DemoAccounts.createIfNone(db.dataSource(), accounts(db, config), out);
            return 0;
        } catch (Sql.DataAccessException e) {
            throw new StartupException("the database failed while the demo district was written, nothing was kept: " + e.getMessage());
        }
    }

    /** The command line is wrong: print the one line and where help is, and exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
