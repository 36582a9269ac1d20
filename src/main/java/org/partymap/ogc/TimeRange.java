package org.partymap.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.partymap.http.ApiException;

/**
 * The {@code datetime} parameter of OGC API - Features as a half-open range [from, until): an
 * instant, a date (the whole day, UTC), or an interval {@code start/end} where either end may be
 * open ({@code ..} or empty). Instants follow RFC 3339 ({@code 2024-05-01T08:00:00Z},
 * {@code 2024-05-01T16:00:00+08:00}). An empty optional is an open end.
 */
public record TimeRange(Optional<OffsetDateTime> from, Optional<OffsetDateTime> until) {

    private static final String PARAMETER = "datetime";

    /** Parses the parameter, or fails with a 400 that says what was expected. */
    public static TimeRange parse(String raw) {
        String value = raw.strip().toUpperCase(Locale.ROOT);
        int slash = value.indexOf('/');
        if (slash < 0) {
            if (isOpen(value)) {
                throw bad(raw, "an instant must be a date or a date-time");
            }
            return new TimeRange(Optional.of(start(value, raw)), Optional.of(end(value, raw)));
        }
        String a = value.substring(0, slash);
        String b = value.substring(slash + 1);
        if (b.contains("/")) {
            throw bad(raw, "an interval has one /");
        }
        if (isOpen(a) && isOpen(b)) {
            throw bad(raw, "an interval needs at least one end");
        }
        Optional<OffsetDateTime> from = isOpen(a) ? Optional.empty() : Optional.of(start(a, raw));
        Optional<OffsetDateTime> until = isOpen(b) ? Optional.empty() : Optional.of(end(b, raw));
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw bad(raw, "the interval ends before it starts");
        }
        return new TimeRange(from, until);
    }

    private static boolean isOpen(String end) {
        return end.isEmpty() || end.equals("..");
    }

    /** The first instant the text covers. */
    private static OffsetDateTime start(String text, String raw) {
        if (isDate(text)) {
            return date(text, raw).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        return dateTime(text, raw);
    }

    /** The first instant after what the text covers: the next day, or one microsecond later. */
    private static OffsetDateTime end(String text, String raw) {
        if (isDate(text)) {
            return date(text, raw).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        return dateTime(text, raw).plus(1, ChronoUnit.MICROS);
    }

    private static boolean isDate(String text) {
        return text.length() == 10 && text.indexOf('T') < 0;
    }

    private static LocalDate date(String text, String raw) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(raw, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static OffsetDateTime dateTime(String text, String raw) {
        try {
            return OffsetDateTime.parse(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw bad(raw, "'" + text + "' is not an RFC 3339 date-time with a time zone, such as 2024-05-01T08:00:00Z");
        }
    }

    private static ApiException bad(String raw, String why) {
        return ApiException.badParameter(PARAMETER, "datetime '" + raw + "' cannot be used: " + why
                + "; give an instant, a date or an interval such as 2024-01-01T00:00:00Z/.. (RFC 3339)");
    }
}
