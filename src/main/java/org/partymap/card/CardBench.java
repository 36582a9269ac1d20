package org.partymap.card;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.partymap.Config;
import org.partymap.StartupException;
import org.partymap.bench.SyntheticDistrict;
import org.partymap.bench.ThrowawayDatabase;
import org.partymap.db.Database;
import org.partymap.db.LocalPostgis;
import org.partymap.demo.DemoDistrict;

/**
 * {@code ./partymap bench cards}: the PDF of every grid's card in the district — read from the
 * layers, set, imposed and written, as the print shop's route does it — timed, with its size and
 * pages (read back by PDFBox). On the configured database, or on a throwaway synthetic district
 * ({@code --synthetic}) or a throwaway demo district ({@code --demo}). The QR codes open
 * PARTYMAP_PUBLIC_URL when it is usable, else {@value CardLink#EXAMPLE}: the size is the same.
 * {@code --out FILE} keeps the PDF, to look at.
 */
public final class CardBench {

    private static final String USAGE = "bench cards [--synthetic | --demo] [--rounds N] [--out FILE]";

    private CardBench() {
    }

    public static int run(List<String> args, PrintStream out) throws IOException {
        String where = "configured";
        int rounds = 3;
        Path save = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--synthetic" -> where = "synthetic";
                case "--demo" -> where = "demo";
                case "--out" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--out needs a file; usage: " + USAGE);
                    }
                    save = Path.of(args.get(++i));
                }
                case "--rounds" -> {
                    try {
                        rounds = Integer.parseInt(args.get(++i));
                    } catch (IndexOutOfBoundsException | NumberFormatException e) {
                        throw new IllegalArgumentException("--rounds needs a number; usage: " + USAGE);
                    }
                    if (rounds < 1 || rounds > 100) {
                        throw new IllegalArgumentException("--rounds must be 1..100; usage: " + USAGE);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "; usage: " + USAGE);
            }
        }
        Config config = Config.forBenchmark();
        CardLink link = CardLink.of(config.publicUrl());
        if (!link.usable()) {
            link = CardLink.of(Optional.of(URI.create(CardLink.EXAMPLE)));
        }
        try (Database db = Database.open(config, LocalPostgis.Mode.ATTACH)) {
            if (where.equals("configured")) {
                return measure(db, config, link, rounds, save, out, "the configured database");
            }
            try (var t = ThrowawayDatabase.create(db, "partymap_bench_cards", 4)) {
                if (where.equals("synthetic")) {
                    out.println("making a synthetic district in a throwaway database ...");
                    SyntheticDistrict.load(t.db().dataSource());
                    return measure(t.db(), config, link, rounds, save, out, "a synthetic district (throwaway database)");
                }
                Path home = Files.createTempDirectory("partymap-bench-cards");
                try {
                    out.println("generating the demo district into a throwaway database ...");
                    DemoDistrict.generate(t.db().dataSource(), config.dataDir(), home, false, null);
                    return measure(t.db(), config, link, rounds, save, out, "the demo district (throwaway database)");
                } finally {
                    try (var files = Files.walk(home)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
    }

    private static int measure(Database db, Config config, CardLink link, int rounds, Path save, PrintStream out, String where)
            throws IOException {
        var repository = new CardRepository(db.dataSource());
        var pdf = new CardPdf(config.cards().emergencyNumbers(), link);
        out.printf(Locale.ROOT, "partymap bench cards — %s%nmachine: %d cores%n", where, Runtime.getRuntime().availableProcessors());
        byte[] bytes = null;
        int cards = 0;
        long best = Long.MAX_VALUE;
        long first = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            List<Card> all = repository.all();
            if (all.isEmpty()) {
                throw new StartupException("there are no grids in " + where + ": run ./partymap demo first, or bench cards --synthetic");
            }
            try (CardFont font = CardFont.open()) {
                bytes = pdf.sheets("便民卡", all, font);
            }
            long took = System.nanoTime() - start;
            first = round == 0 ? took : first;
            best = Math.min(best, took);
            cards = all.size();
        }
        int pages;
        try (var doc = Loader.loadPDF(bytes)) {
            pages = doc.getNumberOfPages();
        }
        out.printf(Locale.ROOT, "%d cards on %d A4 pages (%d sheets, fronts and backs): first %.2f s, best of %d %.2f s"
                        + " (read, set, impose, write); %.2f MB (%.1f kB a card)%n",
                cards, pages, pages / 2, first / 1e9, rounds, best / 1e9, bytes.length / 1e6, bytes.length / 1e3 / cards);
        if (save != null) {
            Files.write(save, bytes);
            out.println("written to " + save);
        }
        out.printf(Locale.ROOT, "aim: ≤ 10 s and ≤ 20 MB for 268 cards — %s%n",
                first / 1e9 <= 10 && bytes.length <= 20e6 ? "met" : "NOT met");
        return 0;
    }
}
