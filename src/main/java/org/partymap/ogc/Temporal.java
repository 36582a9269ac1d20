package org.partymap.ogc;

import java.util.Optional;

/**
 * The time of the features of a collection: an instant column (when a grid was last changed), or
 * an interval of two columns (when a grid state became valid and when it stopped; a null end means
 * it is still valid). The datetime parameter and the temporal extent use it.
 */
public record Temporal(String start, Optional<String> end) {

    public static Temporal instant(String column) {
        return new Temporal(column, Optional.empty());
    }

    public static Temporal interval(String start, String end) {
        return new Temporal(start, Optional.of(end));
    }

    public boolean isInterval() {
        return end.isPresent();
    }
}
