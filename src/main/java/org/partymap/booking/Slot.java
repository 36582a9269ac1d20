package org.partymap.booking;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.partymap.servicetime.OpeningHours;

/** A slot of a post's hours, start inclusive, end exclusive. */
public record Slot(Instant start, Instant end) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(OpeningHours.ZONE);

    /** ISO 8601 in Shanghai time, such as {@code 2026-12-07T09:00:00+08:00}; null for null. */
    public static String format(Instant t) {
        return t == null ? null : ISO.format(t);
    }
}
