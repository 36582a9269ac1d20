package org.partymap.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Notices as the JSON answers write them. Times are RFC 3339 in Asia/Shanghai to the second
 * ({@code 2026-12-03T09:30:00+08:00}), the same in the JSON and the feed.
 */
final class NoticeJson {

    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A community as the answers name it. */
    record Community(int id, String code, String name) {
        static Community of(CommunityRef c) {
            return new Community(c.id(), c.code(), c.name());
        }
    }

    /** A notice in a community's list. */
    record Item(long id, String kind, String kindLabel, String title, String body, String author, String publishedAt,
                String updatedAt) {
    }

    /** A notice on its own: the same, with its community. */
    record Detail(long id, String kind, String kindLabel, String title, String body, String author, String publishedAt,
                  String updatedAt, Community community) {
    }

    private NoticeJson() {
    }

    static String time(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(SHANGHAI).truncatedTo(ChronoUnit.SECONDS));
    }

    static byte[] item(Notice n) {
        return bytes(new Item(n.id(), n.kind().code(), n.kind().label(), n.title(), n.body(), n.author(),
                time(n.publishedAt()), time(n.updatedAt())));
    }

    static byte[] detail(Notice n, CommunityRef c) {
        return bytes(new Detail(n.id(), n.kind().code(), n.kind().label(), n.title(), n.body(), n.author(),
                time(n.publishedAt()), time(n.updatedAt()), Community.of(c)));
    }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
