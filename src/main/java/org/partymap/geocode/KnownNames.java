package org.partymap.geocode;

import java.util.HashMap;
import java.util.Map;

/**
 * The names a gazetteer knows (subdistricts, communities, roads, estates and their other names),
 * normalised, for the parser to cut address text at real names before it falls back on
 * suffixes: "华府佳园" is one estate although 华府 is an estate ending too, and "金城安置小区" is not
 * 金城 + 安置小区. Immutable once built.
 */
final class KnownNames {

    /** No names: the parser cuts by suffixes alone. */
    static final KnownNames NONE = new Builder().build();

    /** The length and kind of a known name found in a text. */
    record Found(int length, NameKind kind) {
    }

    private final Map<String, NameKind> names;
    private final int longest;

    private KnownNames(Map<String, NameKind> names) {
        this.names = Map.copyOf(names);
        this.longest = names.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The longest known name that starts at {@code pos} of {@code text}, or null. */
    Found longestAt(String text, int pos) {
        for (int len = Math.min(longest, text.length() - pos); len >= 2; len--) {
            NameKind kind = names.get(text.substring(pos, pos + len));
            if (kind != null) {
                return new Found(len, kind);
            }
        }
        return null;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** Collects names; the first kind given for a name wins. */
    static final class Builder {
        private final Map<String, NameKind> names = new HashMap<>();

        Builder add(String normalisedName, NameKind kind) {
            if (normalisedName != null && normalisedName.length() >= 2) {
                names.putIfAbsent(normalisedName, kind);
            }
            return this;
        }

        KnownNames build() {
            return new KnownNames(names);
        }
    }
}
