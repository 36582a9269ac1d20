package org.partymap.geocode;

import java.util.List;

/**
 * Puts address text into one form, so that the many ways of writing an address meet:
 * <ul>
 *   <li>full-width → half-width ("１２号" → "12号"), letters upper case, traditional and variant
 *       characters simplified ({@link CharacterVariants}: 萬 → 万, 邨 → 村), brackets, punctuation and
 *       spaces removed (a space between two numbers becomes "-": "3 2 501" → "3-2-501");</li>
 *   <li>Chinese numerals → digits where they are numbers, that is before a unit of address
 *       (号 幢 栋 座 楼 单元 层 室 期 区 组) or after 之: "三号楼" → "3幢", "二十一号" → "21号",
 *       "一〇二室" → "102室"; but not inside names: "三元巷", "五星街道", "十里铺" stay;</li>
 *   <li>building synonyms after a number: 幢, 栋, 座, 号楼, # → 幢; "单" → "单元", "房" → "室";</li>
 *   <li>the province / city / district prefix ("江苏省盐城市亭湖区", "江苏盐城", "亭湖区") is
 *       removed and returned as hints.</li>
 * </ul>
 * The gazetteer's own names go through the same code, so both sides of a comparison agree.
 * Instances are immutable and thread-safe.
 */
public final class AddressNormalizer {

    /** What follows a Chinese numeral when it is a number rather than part of a name. */
    private static final String[] NUMBER_MARKERS = {"号", "幢", "栋", "座", "楼", "单元", "单", "层", "室", "期", "区", "组", "#", "户"};

    private final AdminRegions regions;

    public AddressNormalizer() {
        this(AdminRegions.STANDARD);
    }

    AddressNormalizer(AdminRegions regions) {
        this.regions = regions;
    }

    public NormalizedAddress normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return new NormalizedAddress("", List.of());
        }
        String text = spacing(characters(raw));
        AdminRegions.Stripped stripped = regions.strip(text);
        return new NormalizedAddress(synonyms(numerals(stripped.rest())), stripped.regions());
    }

    /** The normalised text alone, for names and standard addresses of the gazetteer. */
    public String text(String raw) {
        return normalize(raw).text();
    }

    /** Width, case, punctuation: separators become spaces, dashes become '-'. */
    private static String characters(String raw) {
        var out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch >= 0xFF01 && ch <= 0xFF5E) {
                ch = (char) (ch - 0xFEE0);
            }
            if (ch >= 'a' && ch <= 'z') {
                ch = (char) (ch - 32);
            }
            ch = CharacterVariants.standard(ch);
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch < 0x20) {
                out.append(' ');
            } else if (ch == '-' || ch == '~' || ch == '_' || ch >= 0x2010 && ch <= 0x2015 || ch == 0x2212 || ch == 0x30FC) {
                out.append('-');
            } else if (ch == '#' || ch == '№') {
                out.append('#');
            } else if (ch < 0x80 && !Character.isLetterOrDigit(ch)) {
                out.append(' ');
            } else if (isPunctuation(ch)) {
                out.append(' ');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isPunctuation(char ch) {
        int type = Character.getType(ch);
        return type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION || type == Character.MATH_SYMBOL
                || type == Character.OTHER_SYMBOL && !AdminRegions.isHan(ch);
    }

    /** Spaces and dashes: kept as one '-' between two ASCII letters or digits, dropped elsewhere. */
    private static String spacing(String text) {
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch != ' ' && ch != '-') {
                out.append(ch);
                i++;
                continue;
            }
            int j = i;
            boolean dash = false;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '-')) {
                dash |= text.charAt(j) == '-';
                j++;
            }
            char before = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
            char after = j < text.length() ? text.charAt(j) : 0;
            boolean between = isAsciiAlnum(before) && isAsciiAlnum(after);
            if (between && (dash || Character.isDigit(before) && Character.isDigit(after))) {
                out.append('-');
            }
            i = j;
        }
        return out.toString();
    }

    /** Chinese numerals before a unit of address (or after 之) become digits. */
    private static String numerals(String text) {
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!ChineseNumerals.isNumeral(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int j = i;
            while (j < text.length() && ChineseNumerals.isNumeral(text.charAt(j))) {
                j++;
            }
            String digits = ChineseNumerals.toDigits(text.substring(i, j));
            boolean afterZhi = i > 0 && text.charAt(i - 1) == '之';
            if (digits != null && (afterZhi || markerAt(text, j))) {
                out.append(digits);
            } else {
                out.append(text, i, j);
            }
            i = j;
        }
        return out.toString();
    }

    private static boolean markerAt(String text, int pos) {
        for (String marker : NUMBER_MARKERS) {
            if (text.startsWith(marker, pos)) {
                return true;
            }
        }
        return false;
    }

    /** Building, unit and room synonyms after a number or letter; a stray 第 or # goes. */
    private static String synonyms(String text) {
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            boolean afterAlnum = !out.isEmpty() && isAsciiAlnum(out.charAt(out.length() - 1));
            if (afterAlnum && text.startsWith("号楼", i) && !text.startsWith("号楼层", i)) {
                i = appendBuilding(out, text, i + 2);
            } else if (afterAlnum && (ch == '栋' || ch == '座' || ch == '幢' || ch == '#')) {
                i = appendBuilding(out, text, i + 1);
            } else if (afterAlnum && ch == '单' && !text.startsWith("单元", i)) {
                out.append("单元");
                i++;
            } else if (afterAlnum && text.startsWith("号房", i)) {
                out.append('室');
                i += 2;
            } else if (afterAlnum && ch == '房') {
                out.append('室');
                i++;
            } else if (ch == '#' || ch == '第' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /** Appends 幢, swallowing a redundant 楼 or 栋 after the marker ("3#楼", "3栋楼"); the index after it. */
    private static int appendBuilding(StringBuilder out, String text, int next) {
        out.append('幢');
        boolean redundant = next < text.length() && (text.charAt(next) == '楼' || text.charAt(next) == '栋')
                && !text.startsWith("楼层", next);
        return redundant ? next + 1 : next;
    }

    static boolean isAsciiAlnum(char ch) {
        return ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z';
    }
}
