package org.partymap.geocode;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a normalised address ({@link AddressNormalizer}) into its components: subdistrict,
 * community, road, house number, estate, building, unit, floor and room. Names are cut at their
 * suffixes ({@link NameKind}); numbers take their meaning from the unit after them (号 幢 单元 层 室)
 * or, when bare, from what came before: "万方花园3-2-501" is building 3, unit 2, room 501, and
 * "人民路12-1" is house number 12-1. The parts may come in any order. What fits nowhere is kept
 * as the remainder. Pure and thread-safe.
 */
public final class AddressParser {

    /** Units that may follow a number, longest first. */
    private static final String[] MARKERS = {"单元", "号院", "号", "幢", "层", "楼", "室", "期", "区", "组", "门", "弄", "户"};

    /** A run of name text, or a number with the unit that follows it. */
    private record Token(String name, String number, String marker) {
        boolean isName() {
            return name != null;
        }
    }

    /** A name cut from a run, with its kind. */
    private record Piece(String text, NameKind kind) {
    }

    private final KnownNames known;

    /** A parser that cuts names by their suffixes alone. */
    public AddressParser() {
        this(KnownNames.NONE);
    }

    /** A parser that cuts names at the names it knows first, and by suffixes where it knows none. */
    AddressParser(KnownNames known) {
        this.known = known;
    }

    public ParsedAddress parse(String normalized) {
        return new State(tokens(normalized), known).run();
    }

    private static List<Token> tokens(String text) {
        var out = new ArrayList<Token>();
        var name = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (!AddressNormalizer.isAsciiAlnum(ch)) {
                if (ch != '-') {
                    name.append(ch);
                }
                i++;
                continue;
            }
            int j = i;
            boolean digit = false;
            while (j < text.length() && (AddressNormalizer.isAsciiAlnum(text.charAt(j)) || text.charAt(j) == '-')) {
                digit |= Character.isDigit(text.charAt(j));
                j++;
            }
            String value = trimDashes(text.substring(i, j));
            String marker = markerAt(text, j);
            if (!digit && marker == null || value.isEmpty()) {
                name.append(text, i, j); // letters inside a name: "IFS国际"
                i = j;
                continue;
            }
            if (!name.isEmpty()) {
                out.add(new Token(name.toString(), null, null));
                name.setLength(0);
            }
            j += marker == null ? 0 : marker.length();
            if ("号".equals(marker) && text.startsWith("之", j)) {
                int k = j + 1;
                while (k < text.length() && Character.isDigit(text.charAt(k))) {
                    k++;
                }
                if (k > j + 1) {
                    value = value + "-" + text.substring(j + 1, k);
                    j = k;
                }
            }
            out.add(new Token(null, value, "号院".equals(marker) ? "号" : marker));
            i = j;
        }
        if (!name.isEmpty()) {
            out.add(new Token(name.toString(), null, null));
        }
        return out;
    }

    private static String trimDashes(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '-') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '-') {
            b--;
        }
        return s.substring(a, b);
    }

    private static String markerAt(String text, int pos) {
        for (String m : MARKERS) {
            if (text.startsWith(m, pos)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Cuts a run of name text into names: a known name where one starts (the longest), else at
     * suffixes; an unknown name also ends where a known one of its own starts ("南门华府佳园").
     */
    static List<Piece> pieces(String run, KnownNames known) {
        var out = new ArrayList<Piece>();
        int start = 0;
        while (start < run.length()) {
            KnownNames.Found name = known.longestAt(run, start);
            if (name != null) {
                out.add(new Piece(run.substring(start, start + name.length()), name.kind()));
                start += name.length();
                continue;
            }
            NameKind.Suffix bare = NameKind.strongAt(run, start);
            if (bare != null && !out.isEmpty()) {
                Piece last = out.remove(out.size() - 1); // "莲花路" + "社区" → "莲花路社区"
                out.add(new Piece(last.text() + bare.text(), bare.kind()));
                start += bare.text().length();
                continue;
            }
            int end = -1;
            NameKind kind = null;
            for (int i = start + 1; i < run.length() && end < 0; i++) {
                if (i - start >= 2 && known.longestAt(run, i) != null) {
                    end = i;
                    kind = NameKind.ofName(run.substring(start, i));
                    break;
                }
                NameKind.Suffix strong = NameKind.strongAt(run, i);
                if (strong != null) {
                    end = i + strong.text().length();
                    kind = strong.kind();
                    break;
                }
                NameKind.Suffix weak = NameKind.weakAt(run, i);
                if (weak != null && startsName(run, i + weak.text().length())) {
                    end = i + weak.text().length();
                    kind = weak.kind();
                }
            }
            if (end < 0) {
                String tail = run.substring(start);
                out.add(new Piece(tail, NameKind.ofName(tail)));
                break;
            }
            out.add(new Piece(run.substring(start, end), kind));
            start = end;
        }
        return out;
    }

    /** Whether a new name of at least two characters before a strong suffix starts at {@code pos}. */
    private static boolean startsName(String run, int pos) {
        if (pos >= run.length() || NameKind.strongAt(run, pos) != null) {
            return false;
        }
        for (int i = pos + 2; i < run.length(); i++) {
            if (NameKind.strongAt(run, i) != null) {
                return true;
            }
        }
        return false;
    }

    /** Walks the tokens once, filling the components. */
    private static final class State {
        private final List<Token> tokens;
        private final KnownNames known;
        private final StringBuilder remainder = new StringBuilder();
        private String subdistrict;
        private String community;
        private String road;
        private String houseNumber;
        private String estate;
        private String building;
        private String unit;
        private String floor;
        private String room;
        private int index;

        State(List<Token> tokens, KnownNames known) {
            this.tokens = tokens;
            this.known = known;
        }

        ParsedAddress run() {
            for (index = 0; index < tokens.size(); index++) {
                Token t = tokens.get(index);
                if (t.isName()) {
                    List<Piece> pieces = pieces(t.name(), known);
                    for (int p = 0; p < pieces.size(); p++) {
                        name(pieces.get(p), p == pieces.size() - 1);
                    }
                } else {
                    number(t.number(), t.marker());
                }
            }
            return new ParsedAddress(subdistrict, community, road, houseNumber, estate, building, unit, floor, room,
                    remainder.toString());
        }

        private Token next() {
            return index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        }

        /** Whether the next token is a number that belongs to a building: 幢, 单元, 室 or a compact 3-2-501. */
        private boolean buildingFollows() {
            Token n = next();
            if (n == null || n.isName()) {
                return false;
            }
            String m = n.marker();
            return m == null ? n.number().contains("-") || estate == null && road == null
                    : m.equals("幢") || m.equals("单元") || m.equals("室") || m.equals("楼") || m.equals("期") || m.equals("区");
        }

        private void name(Piece piece, boolean lastOfRun) {
            String text = piece.text();
            switch (piece.kind()) {
                case SUBDISTRICT -> subdistrict = first(subdistrict, text);
                case COMMUNITY -> community = first(community, text);
                case ROAD -> road = first(road, text);
                case ESTATE -> estate = first(estate, text);
                case VILLAGE -> {
                    if (lastOfRun && buildingFollows() && estate == null || community != null) {
                        estate = first(estate, text);
                    } else {
                        community = first(community, text);
                    }
                }
                case UNKNOWN -> unknown(text, lastOfRun);
            }
        }

        /** A name without a telling suffix: a road when a house number follows, an estate when a building does. */
        private void unknown(String text, boolean lastOfRun) {
            Token n = lastOfRun ? next() : null;
            boolean number = n != null && !n.isName() && ("号".equals(n.marker()) || n.marker() == null && !n.number().contains("-"));
            if (number && road == null && estate == null && !buildingAfterNext()) {
                road = text;
            } else if (estate == null && (n == null && road == null || n != null && !n.isName())) {
                estate = text;
            } else {
                remainder.append(text);
            }
        }

        /** "金色年华3号2单元": the 号 number is a building when a unit or room comes after it. */
        private boolean buildingAfterNext() {
            Token after = index + 2 < tokens.size() ? tokens.get(index + 2) : null;
            return after != null && !after.isName() && ("单元".equals(after.marker()) || "室".equals(after.marker()));
        }

        private String first(String current, String text) {
            if (current == null) {
                return text;
            }
            remainder.append(text);
            return current;
        }

        private void number(String value, String marker) {
            if (marker == null || value.contains("-") && (marker.equals("室") || marker.equals("户"))) {
                bare(value);
                return;
            }
            switch (marker) {
                case "号" -> numberSign(value);
                case "幢" -> building = firstNumber(building, value, marker);
                case "单元", "门" -> unit = firstNumber(unit, value, marker);
                case "层" -> floor = firstNumber(floor, value, marker);
                case "楼" -> {
                    Token n = next();
                    boolean unitFollows = n != null && "单元".equals(n.marker());
                    if (building == null && (unitFollows || n == null && (estate != null || road == null))) {
                        building = value;
                    } else {
                        floor = firstNumber(floor, value, marker);
                    }
                }
                case "室", "户" -> room = firstNumber(room, value, marker);
                case "期", "区" -> {
                    if (estate != null && building == null) {
                        estate = estate + value + marker;
                    } else {
                        remainder.append(value).append(marker);
                    }
                }
                case "弄" -> {
                    if (road != null && houseNumber == null) {
                        road = road + value + marker;
                    } else {
                        remainder.append(value).append(marker);
                    }
                }
                default -> remainder.append(value).append(marker);
            }
        }

        /** N号: a house number after a road, a building in an estate, a room after a unit. */
        private void numberSign(String value) {
            Token n = next();
            boolean unitFollows = n != null && !n.isName() && ("单元".equals(n.marker()) || "室".equals(n.marker()));
            if (road != null && houseNumber == null && building == null && (estate == null || !unitFollows)) {
                houseNumber = value;
            } else if (building == null && (estate != null || unitFollows)) {
                building = value;
            } else if (building != null && room == null) {
                room = value;
            } else if (houseNumber == null) {
                houseNumber = value;
            } else {
                remainder.append(value).append('号');
            }
        }

        /** A number without a unit: its place decides what it is. */
        private void bare(String value) {
            String[] parts = value.split("-");
            boolean onRoad = road != null && houseNumber == null && estate == null && building == null;
            if (parts.length == 1) {
                if (onRoad) {
                    houseNumber = value;
                } else if (building == null && estate != null) {
                    building = value;
                } else if (building != null && unit == null && room == null) {
                    if (value.length() >= 3) {
                        room = value;
                    } else {
                        unit = value;
                    }
                } else if ((unit != null || houseNumber != null) && room == null) {
                    room = value;
                } else if (road == null && estate == null && houseNumber == null) {
                    houseNumber = value;
                } else {
                    remainder.append(value);
                }
            } else if (parts.length == 2 && onRoad) {
                houseNumber = value;
            } else if (building == null) {
                building = parts[0];
                if (parts.length == 2 && parts[1].length() >= 3) {
                    room = parts[1];
                } else {
                    unit = parts[1];
                    room = parts.length > 2 ? parts[2] : null;
                }
                if (parts.length > 3) {
                    remainder.append(value);
                }
            } else if (unit == null && parts.length == 2) {
                unit = parts[0];
                room = parts[1];
            } else {
                remainder.append(value);
            }
        }

        private String firstNumber(String current, String value, String marker) {
            if (current == null) {
                return value;
            }
            remainder.append(value).append(marker);
            return current;
        }
    }
}
