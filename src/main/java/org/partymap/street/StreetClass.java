package org.partymap.street;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The classes of street, as stored in {@code street.class}, from the least to the most important:
 * the order is the rank that grid boundaries prefer (a cut along an axis before a cut along a lane).
 */
public enum StreetClass {
    LANE("lane", "巷弄"),
    SECONDARY("secondary", "次干道"),
    MAIN("main", "主干道"),
    AXIS("axis", "城市轴线");

    private final String code;
    private final String chinese;

    StreetClass(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    /** The class with this code ({@code axis}, {@code main}, {@code secondary}, {@code lane}). */
    public static StreetClass parse(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        for (StreetClass s : values()) {
            if (s.code.equals(c)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown street class '" + code + "'; one of " + codes());
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(StreetClass::code).toList();
    }
}
