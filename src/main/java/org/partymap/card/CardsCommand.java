package org.partymap.card;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.Config;
import org.partymap.StartupException;

/**
 * {@code partymap cards --community NAME|CODE [--subdistrict NAME|CODE] > cards.pdf}: a
 * community's cards imposed on A4, written to standard output, which must not be a terminal.
 */
public final class CardsCommand {

    public static final String USAGE = """
              cards --community NAME|CODE [--subdistrict NAME|CODE] > cards.pdf
                                         the 便民卡 of a community's grids, ten to an A4 sheet with crop
                                         marks, backs mirrored for duplex (PARTYMAP_PUBLIC_URL must be set)
            """;

    /** The command line is wrong: usage, exit 2. */
    public static final class UsageError extends RuntimeException {
        public UsageError(String message) {
            super(message);
        }
    }

    public record Arguments(String community, Optional<String> subdistrict) {
    }

    private CardsCommand() {
    }

    public static Arguments parse(List<String> args) {
        String community = null;
        String subdistrict = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--community", "--subdistrict" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                        throw new UsageError(a + " needs a name or a code");
                    }
                    if (a.equals("--community")) {
                        community = args.get(++i).strip();
                    } else {
                        subdistrict = args.get(++i).strip();
                    }
                }
                default -> throw new UsageError("cards takes --community NAME|CODE [--subdistrict NAME|CODE], not '" + a + "'");
            }
        }
        if (community == null) {
            throw new UsageError("cards needs --community NAME|CODE");
        }
        return new Arguments(community, Optional.ofNullable(subdistrict));
    }

    /** Refuses before the database is opened: a terminal for output, or no public address for the QR codes. */
    public static CardLink check(Config config) {
        if (stdoutIsTerminal()) {
            throw new StartupException("cards writes a PDF to standard output, which is a terminal: redirect it (> cards.pdf)");
        }
        var link = CardLink.of(config.publicUrl());
        link.refusal().ifPresent(why -> {
            throw new StartupException("no cards printed: " + why);
        });
        return link;
    }

    /** Writes the PDF and returns the number of cards; a refusal is a StartupException (one line). */
    public static int run(Arguments a, Config config, CardLink link, DataSource ds, OutputStream out) throws IOException {
        var repository = new CardRepository(ds);
        var found = repository.findCommunities(a.community(), a.subdistrict());
        if (found.isEmpty()) {
            throw new StartupException("there is no community '" + a.community() + "'"
                    + a.subdistrict().map(s -> " in subdistrict '" + s + "'").orElse("") + " (give its name or 12-digit code)");
        }
        if (found.size() > 1) {
            throw new StartupException("'" + a.community() + "' names " + found.size() + " communities (in "
                    + String.join(", ", found.stream().map(c -> c.subdistrict().name()).toList()) + "): add --subdistrict NAME|CODE");
        }
        var c = found.get(0);
        List<Card> cards = repository.community(c.community().id());
        if (cards.isEmpty()) {
            throw new StartupException(c.community().name() + " has no grids: no cards to print");
        }
        byte[] pdf;
        try (CardFont font = CardFont.open()) {
            pdf = new CardPdf(config.cards().emergencyNumbers(), link).sheets(c.subdistrict().name() + c.community().name() + " 便民卡", cards, font);
        }
        out.write(pdf);
        out.flush();
        return cards.size();
    }

    /** Whether file descriptor 1 is a terminal (Linux: /proc/self/fd/1 links to a tty); elsewhere, whether there is a console. */
    static boolean stdoutIsTerminal() {
        Path fd = Path.of("/proc/self/fd/1");
        try {
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through
        }
        return System.console() != null;
    }
}
