package org.partymap.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.partymap.db.CopyRows;
import org.partymap.servicetime.OpeningHours;

/**
 * 3 to 8 公告 per community over the month, at least one of each kind (社区动态, 公告公示, 党务公开),
 * published in office hours by the community's 居委会 (news, announcements) or 党委 (party affairs),
 * no template twice in one community.
 */
final class NoticeHistory {

    static final String COLUMNS = "id, community_id, kind, title, body, author_name, published_at, updated_at";
    private static final List<String> KINDS = List.of("news", "announcement", "party_affairs");

    private final ServicePlaces places;
    private final ServicePhrases phrases;
    private final SplittableRandom rnd;
    private final Instant now;
    final CopyRows rows = new CopyRows();

    NoticeHistory(ServicePlaces places, ServicePhrases phrases, SplittableRandom rnd, Instant now) {
        this.places = places;
        this.phrases = phrases;
        this.rnd = rnd;
        this.now = now;
    }

    /** Builds the rows, ids from {@code firstId}; the number built. */
    int build(long firstId) {
        long id = firstId;
        LocalDate today = now.atZone(OpeningHours.ZONE).toLocalDate();
        for (var c : places.communities.values()) {
            int n = 3 + rnd.nextInt(6);
            var unused = new ArrayList<>(phrases.notices);
            for (int i = 0; i < n && !unused.isEmpty(); i++) {
                String kind = i < KINDS.size() ? KINDS.get(i) : KINDS.get(rnd.nextInt(KINDS.size()));
                var ofKind = unused.stream().filter(t -> t.kind().equals(kind)).toList();
                if (ofKind.isEmpty()) {
                    continue;
                }
                var t = ServicePhrases.pick(rnd, ofKind);
                unused.remove(t);
                Instant published;
                do {
                    LocalDate day = today.minusDays(rnd.nextInt(30));
                    published = ZonedDateTime.of(day, LocalTime.of(8, 30).plusMinutes(rnd.nextInt(9 * 60)), OpeningHours.ZONE).toInstant();
                } while (!published.isBefore(now));
                LocalDate about = published.atZone(OpeningHours.ZONE).toLocalDate().plusDays(rnd.nextInt(6));
                String place = c.estates().isEmpty() ? c.name() : ServicePhrases.pick(rnd, c.estates());
                var values = Map.of("community", c.name(), "date", about.getMonthValue() + "月" + about.getDayOfMonth() + "日",
                        "time", rnd.nextBoolean() ? "上午9:00" : "下午2:30", "place", place);
                String author = c.name() + (kind.equals("party_affairs") ? "党委" : "居委会");
                rows.field(id++).field(c.id()).field(kind).field(ServicePhrases.fill(t.title(), values).strip())
                        .field(ServicePhrases.fill(t.body(), values).strip()).field(author).field(published).field(published).end();
            }
        }
        return (int) (id - firstId);
    }
}
