package org.partymap.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.partymap.StartupException;

/**
 * The CJK font the cards are set in: WenQuanYi Micro Hei from Debian's {@value #PACKAGE} (a
 * TrueType collection), embedded as a subset so that the Chinese text is real text (pdftotext
 * reads it, the print shop needs no fonts). Opened per document: fontbox reads the file lazily,
 * and a font shared by documents written at once would share its reader.
 */
public final class CardFont implements AutoCloseable {

    public static final String PACKAGE = "fonts-wqy-microhei";
    public static final Path DEFAULT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private final TrueTypeCollection collection;
    private final TrueTypeFont font;

    private CardFont(TrueTypeCollection collection, TrueTypeFont font) {
        this.collection = collection;
        this.font = font;
    }

    /** The font at its Debian path; a missing file is {@link Missing}, naming the package. */
    public static CardFont open() {
        return open(DEFAULT);
    }

    public static CardFont open(Path file) {
        if (!Files.isReadable(file)) {
            throw new Missing(file);
        }
        try {
            var collection = new TrueTypeCollection(file.toFile());
            var first = new AtomicReference<TrueTypeFont>();
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            if (first.get() == null) {
                collection.close();
                throw new Missing(file);
            }
            return new CardFont(collection, first.get());
        } catch (IOException e) {
            throw new Missing(file);
        }
    }

    /** The font for one document, subset to the characters it shows when the document is saved. */
    public PDType0Font load(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, font, true);
    }

    @Override
    public void close() throws IOException {
        collection.close();
    }

    /** The font is not there (or not readable): install the package. */
    public static final class Missing extends StartupException {
        public Missing(Path file) {
            super("the cards' font " + file + " is missing or unreadable: install the Debian package " + PACKAGE
                    + " (apt-get install -y " + PACKAGE + "; ./partymap installs it)");
        }
    }
}
