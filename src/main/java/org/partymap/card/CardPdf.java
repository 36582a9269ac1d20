package org.partymap.card;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.partymap.Config.EmergencyNumber;

/**
 * 便民卡 as PDF, business-card size (90 × 54 mm), two sides: the front (grid, leader, contacts,
 * QR code) and the back (the post, the community's centre, the emergency numbers). One card is a
 * two-page document of that size; many are imposed on A4 ({@link #sheets}): 2 × 5 cards butted
 * together, crop marks in the margin at every cut, each sheet's fronts on one page and its backs
 * on the next, the columns swapped so that each back lands behind its front when printed duplex
 * (flipped on the long edge). Units are PDF points; the origin is a card's lower left corner.
 */
public final class CardPdf {

    public static final float MM = 72f / 25.4f;
    public static final float WIDTH = 90 * MM;
    public static final float HEIGHT = 54 * MM;
    public static final int COLUMNS = 2;
    public static final int ROWS = 5;
    public static final int PER_SHEET = COLUMNS * ROWS;
    /** The imposed block's margins on A4: (210 − 180) / 2 and (297 − 270) / 2 mm. */
    public static final float SHEET_MARGIN_X = (PDRectangle.A4.getWidth() - COLUMNS * WIDTH) / 2;
    public static final float SHEET_MARGIN_Y = (PDRectangle.A4.getHeight() - ROWS * HEIGHT) / 2;
    /** The QR code's side and its distance from the card's right edge and from the band. */
    static final float QR_SIDE = 22 * MM;
    private static final float PAD = 4 * MM;
    private static final float BAND = 8.5f * MM;
    private static final float MARK_GAP = 1.5f * MM;
    private static final float MARK_LENGTH = 5 * MM;
    private static final float[] RED = {0.78f, 0.06f, 0.18f};
    private static final float[] GREY = {0.35f, 0.35f, 0.35f};

    private final List<EmergencyNumber> emergency;
    private final CardLink link;

    public CardPdf(List<EmergencyNumber> emergency, CardLink link) {
        this.emergency = List.copyOf(emergency);
        this.link = link;
    }

    /** One card: page 1 its front, page 2 its back. The link must be usable. */
    public byte[] single(Card card, CardFont font) {
        return write(font, "便民卡 " + card.community().name() + card.grid().name(), (doc, f) -> {
            var box = new PDRectangle(WIDTH, HEIGHT);
            var front = new PDPage(box);
            var back = new PDPage(box);
            doc.addPage(front);
            doc.addPage(back);
            try (var cs = new PDPageContentStream(doc, front)) {
                front(new Pen(cs, f), card);
            }
            try (var cs = new PDPageContentStream(doc, back)) {
                back(new Pen(cs, f), card);
            }
        });
    }

    /** Cards imposed ten to an A4 sheet, fronts then backs per sheet: 2 pages per 10 cards. */
    public byte[] sheets(String title, List<Card> cards, CardFont font) {
        return write(font, title, (doc, f) -> {
            for (int first = 0; first < cards.size(); first += PER_SHEET) {
                List<Card> sheet = cards.subList(first, Math.min(cards.size(), first + PER_SHEET));
                for (boolean backs : new boolean[] {false, true}) {
                    var page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (var cs = new PDPageContentStream(doc, page)) {
                        cropMarks(cs);
                        for (int i = 0; i < sheet.size(); i++) {
                            int row = i / COLUMNS;
                            int column = backs ? COLUMNS - 1 - i % COLUMNS : i % COLUMNS;
                            cs.saveGraphicsState();
                            cs.transform(Matrix.getTranslateInstance(SHEET_MARGIN_X + column * WIDTH,
                                    PDRectangle.A4.getHeight() - SHEET_MARGIN_Y - (row + 1) * HEIGHT));
                            if (backs) {
                                back(new Pen(cs, f), sheet.get(i));
                            } else {
                                front(new Pen(cs, f), sheet.get(i));
                            }
                            cs.restoreGraphicsState();
                        }
                    }
                }
            }
        });
    }

    /** How many pages {@link #sheets} writes for {@code cards} cards. */
    public static int sheetPages(int cards) {
        return 2 * ((cards + PER_SHEET - 1) / PER_SHEET);
    }

    private interface Pages {
        void add(PDDocument doc, PDType0Font font) throws IOException;
    }

    private static byte[] write(CardFont font, String title, Pages pages) {
        try (var doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("partymap 线上党建地图");
            pages.add(doc, font.load(doc));
            var out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the cards' PDF could not be written: " + e.getMessage(), e);
        }
    }

    private void front(Pen p, Card c) throws IOException {
        p.fill(RED, 0, HEIGHT - BAND, WIDTH, BAND);
        p.text(c.community().name() + " · 便民服务卡", 9, PAD, HEIGHT - BAND + 2.9f * MM, new float[] {1, 1, 1}, WIDTH - 2 * PAD);
        float textWidth = WIDTH - 2 * PAD - QR_SIDE - 3 * MM;
        float y = HEIGHT - BAND - 6 * MM;
        y = p.line(c.grid().name(), 12, PAD, y, null, textWidth, 1.4f);
        y = p.line("网格编码 " + c.grid().code(), 6, PAD, y, GREY, textWidth, 1.5f);
        y = p.lines(c.branchName(), 6, PAD, y, GREY, textWidth, 2);
        y -= 1.2f * MM;
        y = p.line("网格长 " + orDash(c.leaderName()), 8, PAD, y, null, textWidth, 1.3f);
        if (c.leaderPhone() != null) {
            y = p.line("电话 " + c.leaderPhone(), 8, PAD, y, null, textWidth, 1.5f);
        }
        for (Card.Contact k : c.contacts().subList(0, Math.min(3, c.contacts().size()))) {
            if (y < 4 * MM) {
                break;
            }
            y = p.line(join(k.role(), k.name(), k.phone()), 6.5f, PAD, y, null, textWidth, 1.35f);
        }
        // four modules (3 mm) clear around the code: readers need its quiet zone
        float qrTop = HEIGHT - BAND - 3.5f * MM;
        p.qr(QrCodes.encode(link.of(c.grid().id())), WIDTH - PAD - QR_SIDE, qrTop - QR_SIDE, QR_SIDE);
        p.centred("扫码在地图上查看本网格", 5.5f, WIDTH - PAD - QR_SIDE / 2, qrTop - QR_SIDE - 5 * MM, GREY);
    }

    private void back(Pen p, Card c) throws IOException {
        float w = WIDTH - 2 * PAD;
        float y = HEIGHT - 5 * MM;
        float bottom = 9.5f * MM;
        Card.Post post = c.post();
        if (post != null) {
            String kind = kindName(post.kind());
            y = p.line(post.name().contains(kind) ? post.name() : kind + " " + post.name(), 8.5f, PAD, y, RED, w, 1.35f);
            y = postLines(p, post, y, w, bottom);
        }
        Card.Post centre = c.otherCentre();
        if (centre != null && y > bottom + 8 * MM) {
            y -= 1.2f * MM;
            y = p.line(centre.name(), 8, PAD, y, RED, w, 1.35f);
            y = postLines(p, centre, y, w, bottom);
        }
        if (post == null && centre == null) {
            p.line("本网格暂无服务站点，请联系网格长", 7, PAD, y, GREY, w, 1.4f);
        }
        p.fill(RED, 0, 0, WIDTH, 7.5f * MM);
        var numbers = new StringBuilder();
        for (EmergencyNumber n : emergency) {
            numbers.append(numbers.length() == 0 ? "" : "  ").append(n.label()).append(' ').append(n.number());
        }
        p.text(numbers.toString(), 7.5f, PAD, 2.6f * MM, new float[] {1, 1, 1}, w);
    }

    private static float postLines(Pen p, Card.Post s, float y, float w, float bottom) throws IOException {
        var lines = new ArrayList<String>();
        if (s.address() != null) {
            lines.add("地址 " + s.address());
        }
        if (s.hours() != null) {
            lines.add("时间 " + s.hours());
        }
        if (s.phone() != null) {
            lines.add("电话 " + s.phone());
        }
        if (!s.services().isEmpty()) {
            lines.add("服务 " + String.join("、", s.services()));
        }
        for (String line : lines) {
            if (y < bottom + 2 * MM) {
                break;
            }
            y = p.lines(line, 6.5f, PAD, y, null, w, 2);
        }
        return y;
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "grid_station" -> "网格驿站";
            case "service_centre" -> "党群服务中心";
            case "activity_room" -> "党员活动室";
            case "reading_room" -> "图书室";
            default -> "服务站点";
        };
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String join(String... parts) {
        var out = new StringBuilder();
        for (String s : parts) {
            if (s != null && !s.isBlank()) {
                out.append(out.length() == 0 ? "" : " ").append(s.strip());
            }
        }
        return out.toString();
    }

    /** Crop marks at every cut of the imposed block, in the margin, clear of the cards. */
    private static void cropMarks(PDPageContentStream cs) throws IOException {
        float left = SHEET_MARGIN_X;
        float right = SHEET_MARGIN_X + COLUMNS * WIDTH;
        float bottom = SHEET_MARGIN_Y;
        float top = SHEET_MARGIN_Y + ROWS * HEIGHT;
        cs.setLineWidth(0.25f);
        cs.setStrokingColor(0f, 0f, 0f);
        for (int i = 0; i <= COLUMNS; i++) {
            float x = left + i * WIDTH;
            cs.moveTo(x, top + MARK_GAP);
            cs.lineTo(x, top + MARK_GAP + MARK_LENGTH);
            cs.moveTo(x, bottom - MARK_GAP);
            cs.lineTo(x, bottom - MARK_GAP - MARK_LENGTH);
        }
        for (int j = 0; j <= ROWS; j++) {
            float y = bottom + j * HEIGHT;
            cs.moveTo(left - MARK_GAP, y);
            cs.lineTo(left - MARK_GAP - MARK_LENGTH, y);
            cs.moveTo(right + MARK_GAP, y);
            cs.lineTo(right + MARK_GAP + MARK_LENGTH, y);
        }
        cs.stroke();
    }

    /** Draws on one content stream in one font: text fitted to a width, filled boxes, a QR code. */
    private static final class Pen {
        private final PDPageContentStream cs;
        private final PDType0Font font;

        Pen(PDPageContentStream cs, PDType0Font font) {
            this.cs = cs;
            this.font = font;
        }

        void fill(float[] rgb, float x, float y, float w, float h) throws IOException {
            cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.addRect(x, y, w, h);
            cs.fill();
        }

        /** One line at a baseline, cut with … to the width. */
        void text(String s, float size, float x, float y, float[] rgb, float maxWidth) throws IOException {
            String shown = fit(printable(s), size, maxWidth);
            if (shown.isEmpty()) {
                return;
            }
            float[] c = rgb == null ? new float[] {0.1f, 0.1f, 0.1f} : rgb;
            cs.setNonStrokingColor(c[0], c[1], c[2]);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(shown);
            cs.endText();
        }

        /** One line; returns the next baseline, {@code leading} times the size below. */
        float line(String s, float size, float x, float y, float[] rgb, float maxWidth, float leading) throws IOException {
            text(s, size, x, y, rgb, maxWidth);
            return y - size * leading;
        }

        /** Up to {@code max} wrapped lines (the last cut with …); returns the next baseline. */
        float lines(String s, float size, float x, float y, float[] rgb, float maxWidth, int max) throws IOException {
            String rest = printable(s);
            for (int n = 0; n < max && !rest.isEmpty(); n++) {
                int fits = n == max - 1 ? rest.length() : fitting(rest, size, maxWidth);
                text(rest.substring(0, fits), size, x, y, rgb, maxWidth);
                rest = rest.substring(fits).strip();
                y -= size * 1.35f;
            }
            return y;
        }

        void centred(String s, float size, float centreX, float y, float[] rgb) throws IOException {
            String shown = printable(s);
            text(shown, size, centreX - width(shown, size) / 2, y, rgb, WIDTH);
        }

        /** The modules as filled squares, each row's runs merged into one rectangle. */
        void qr(BitMatrix m, float x, float y, float side) throws IOException {
            float module = side / m.getWidth();
            cs.setNonStrokingColor(0f, 0f, 0f);
            for (int row = 0; row < m.getHeight(); row++) {
                int col = 0;
                while (col < m.getWidth()) {
                    if (!m.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < m.getWidth() && m.get(col, row)) {
                        col++;
                    }
                    cs.addRect(x + start * module, y + side - (row + 1) * module, (col - start) * module, module);
                }
            }
            cs.fill();
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        /** How many characters of {@code s} fit the width (at least one). */
        private int fitting(String s, float size, float maxWidth) throws IOException {
            int n = s.length();
            while (n > 1 && width(s.substring(0, n), size) > maxWidth) {
                n = s.offsetByCodePoints(n, -1);
            }
            return n;
        }

        private String fit(String s, float size, float maxWidth) throws IOException {
            if (width(s, size) <= maxWidth) {
                return s;
            }
            int n = fitting(s, size, maxWidth - width("…", size));
            return s.substring(0, n) + "…";
        }

        /** The text without control characters and with what the font has no glyph for as "?". */
        private String printable(String s) {
            if (s == null) {
                return "";
            }
            String clean = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
            try {
                font.encode(clean);
                return clean;
            } catch (IOException | IllegalArgumentException e) {
                var out = new StringBuilder();
                clean.codePoints().forEach(cp -> {
                    String ch = new String(Character.toChars(cp));
                    try {
                        font.encode(ch);
                        out.append(ch);
                    } catch (IOException | IllegalArgumentException missing) {
                        out.append('?');
                    }
                });
                return out.toString();
            }
        }
    }
}
