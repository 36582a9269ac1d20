package org.partymap.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.partymap.http.ApiException;
import org.partymap.http.JsonBody;
import org.partymap.http.PublicText;
import org.partymap.servicetime.OpeningHours;

/**
 * The members of an activity as staff send them, each checked as it is taken; a bad one is a 400
 * naming the field, before anything is written. Times are ISO 8601 with an offset, or without one
 * meaning Asia/Shanghai (what a page's {@code datetime-local} sends).
 */
final class ActivityInput {

    static final int TITLE_MAX = 80;
    static final int DESCRIPTION_MAX = 2000;
    static final int CAPACITY_MAX = 10_000;

    private ActivityInput() {
    }

    static <T> T required(Optional<T> value, String name) {
        return value.orElseThrow(() -> bad(name, name + " is required"));
    }

    static Optional<ActivityKind> kind(JsonBody body) {
        JsonNode v = body.node("kind").orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual() || !ActivityKind.CODES.contains(v.asText())) {
            throw bad("kind", "kind must be one of " + String.join(", ", ActivityKind.CODES));
        }
        return Optional.of(ActivityKind.of(v.asText()));
    }

    /** Plain text that staff publish: web addresses pass, markup does not; one line unless {@code multiline}. */
    static Optional<String> text(JsonBody body, String name, int maxLength, boolean multiline) {
        JsonNode v = body.node(name).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw bad(name, name + " must be a string");
        }
        String text = PublicText.staff(name, v.asText(), maxLength);
        if (!multiline && text.chars().anyMatch(ch -> ch == '\n' || ch == '\r' || ch == '\t')) {
            throw bad(name, name + " must be one line");
        }
        if (text.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF || cp == 0xFFFE || cp == 0xFFFF)) {
            throw bad(name, name + " holds characters that are not text");
        }
        return Optional.of(text);
    }

    static Optional<Instant> time(JsonBody body, String name) {
        JsonNode v = body.node(name).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        String raw = v.isTextual() ? v.asText().strip() : "";
        if (raw.length() <= 40) {
            try {
                return Optional.of(OffsetDateTime.parse(raw).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(LocalDateTime.parse(raw).atZone(OpeningHours.ZONE).toInstant());
                } catch (DateTimeParseException again) {
                    // reported below
                }
            }
        }
        throw bad(name, name + " must be a time written ISO 8601 (2026-12-12T09:00:00+08:00, or 2026-12-12T09:00 in Shanghai time)");
    }

    /** The seats of each occurrence: absent or null means no sign-up; otherwise a whole number from 1. */
    static Optional<Integer> capacity(JsonBody body) {
        JsonNode v = body.node("capacity").orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > CAPACITY_MAX) {
            throw bad("capacity", "capacity must be a whole number of seats from 1 to " + CAPACITY_MAX
                    + " (leave it out when the activity needs no sign-up)");
        }
        return Optional.of(v.asInt());
    }

    /** Checks an activity's times: the end after the start, and within {@link ActivityService#MAX_LENGTH}. */
    static void checkTimes(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw bad("end", "end must be after start");
        }
        if (Duration.between(start, end).compareTo(ActivityService.MAX_LENGTH) > 0) {
            throw bad("end", "an activity lasts at most " + ActivityService.MAX_LENGTH.toDays() + " days; publish a longer one as several");
        }
    }

    static ApiException bad(String name, String detail) {
        return ApiException.badRequest("bad-field", detail).with("field", name);
    }
}
