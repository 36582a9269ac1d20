package org.partymap.activity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.partymap.activity.ActivityRepository.Activity;
import org.partymap.activity.ActivityRepository.Place;
import org.partymap.servicetime.OpeningHours;

/** Activities as the JSON answers write them: times RFC 3339 in Asia/Shanghai to the second, members snake_case. */
final class ActivityJson {

    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** A post as activities name it: public facts only. */
    record Station(int id, String name, String kind, String address) {
        static Station of(Place p) {
            return new Station(p.id(), p.name(), p.kind(), p.address());
        }
    }

    record Community(int id, String name) {
    }

    /**
     * One occurrence of a public activity. {@code capacity} null: no sign-up needed (and
     * {@code remaining} null); {@code recurring}: the activity repeats (its RRULE is in the feeds).
     */
    record Occurrence(long activity, String title, String kind, String kindLabel, String start, String end, Station station,
                      Integer capacity, Integer remaining, String description, boolean recurring) {
    }

    record StationCalendar(Station station, String from, int days, List<Occurrence> occurrences) {
    }

    record CommunityCalendar(Community community, String from, int days, List<Occurrence> occurrences) {
    }

    /** An activity as its staff see it, with the starts of all its occurrences. */
    record Staff(long id, Station station, String title, String kind, String kindLabel, String start, String end,
                 Integer capacity, String description, String rrule, @JsonProperty("public") boolean isPublic, boolean cancelled,
                 List<String> occurrences) {
        static Staff of(Activity a, Place p, List<Instant> occurrences) {
            return new Staff(a.id(), Station.of(p), a.title(), a.kind().code(), a.kind().label(), time(a.start()), time(a.end()),
                    a.capacity(), a.description(), a.rrule(), a.isPublic(), a.cancelledAt() != null,
                    occurrences.stream().map(ActivityJson::time).toList());
        }
    }

    private ActivityJson() {
    }

    static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(OpeningHours.ZONE).truncatedTo(ChronoUnit.SECONDS));
    }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
