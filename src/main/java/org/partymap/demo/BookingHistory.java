package org.partymap.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.partymap.Config;
import org.partymap.booking.BookingService;
import org.partymap.booking.Slot;
import org.partymap.db.CopyRows;
import org.partymap.servicetime.OpeningHours;

/**
 * 预约办事 bookings over the month before now and the booking window after it, at the posts that
 * take them: slots laid out from each post's hours as {@link BookingService#slotsOn} does, each
 * booked while it was still ahead and at most the window before, never more booked seats than the
 * capacity, a share cancelled before the slot (a cancelled seat is free again). 党群服务中心 are
 * booked three times as often as 网格驿站.
 */
final class BookingHistory {

    static final int BOOKINGS = 300;
    private static final double CANCELLED = 0.1;
    static final String COLUMNS = "id, station_id, slot_start, slot_end, purpose, name, phone, token_hash, status, created_at, cancelled_at";

    private final ServicePlaces places;
    private final ServicePhrases phrases;
    private final People people;
    private final Config.Booking settings;
    private final SplittableRandom rnd;
    private final Instant now;
    final CopyRows rows = new CopyRows();
    int cancelled;

    BookingHistory(ServicePlaces places, ServicePhrases phrases, People people, Config.Booking settings, SplittableRandom rnd,
                   Instant now) {
        this.places = places;
        this.phrases = phrases;
        this.people = people;
        this.settings = settings;
        this.rnd = rnd;
        this.now = now;
    }

    /** Builds the rows, ids from {@code firstId}; the number built. */
    int build(long firstId, QuestionHistory tokens) {
        List<ServicePlaces.Post> posts = places.posts;
        if (posts.isEmpty()) {
            return 0;
        }
        double[] cumulative = new double[posts.size()];
        double sum = 0;
        for (int i = 0; i < posts.size(); i++) {
            sum += posts.get(i).kind().equals("service_centre") ? 3 : 1;
            cumulative[i] = sum;
        }
        LocalDate today = now.atZone(OpeningHours.ZONE).toLocalDate();
        long windowDays = BookingService.WINDOW.toDays();
        Map<String, Integer> taken = new HashMap<>();
        List<String> purposes = phrases.phrases("booking");
        int made = 0;
        for (int attempt = 0; made < BOOKINGS && attempt < BOOKINGS * 20; attempt++) {
            int i = java.util.Arrays.binarySearch(cumulative, rnd.nextDouble(sum));
            var post = posts.get(Math.min(i >= 0 ? i + 1 : -i - 1, posts.size() - 1));
            // two thirds in the month behind, one third in the window ahead
            LocalDate day = rnd.nextInt(3) < 2 ? today.minusDays(1 + rnd.nextInt(30)) : today.plusDays(rnd.nextLong(windowDays));
            List<Slot> slots = BookingService.slotsOn(post.hours(), day, settings.slot());
            if (slots.isEmpty()) {
                continue;
            }
            Slot slot = ServicePhrases.pick(rnd, slots);
            if (slot.start().isBefore(now.minus(QuestionHistory.MONTH)) || slot.start().isAfter(now.plus(BookingService.WINDOW))) {
                continue;
            }
            String key = post.id() + "@" + slot.start();
            if (taken.getOrDefault(key, 0) >= settings.capacity()) {
                continue;
            }
            Instant created = slot.start().minusSeconds(3600 + rnd.nextLong(6 * 86_400));
            if (!created.isBefore(now)) {
                created = now.minusSeconds(60 + rnd.nextLong(86_400));
                // booked at most the window ahead (the slot lies within the window from now, so this is not after now)
                Instant opened = slot.start().minus(BookingService.WINDOW);
                created = created.isBefore(opened) ? opened : created;
            }
            Instant cancelledAt = null;
            if (rnd.nextDouble() < CANCELLED) {
                Instant until = slot.start().isBefore(now) ? slot.start() : now;
                cancelledAt = created.plusSeconds(1 + (long) ((until.getEpochSecond() - created.getEpochSecond() - 1) * rnd.nextDouble()));
                cancelled++;
            } else {
                taken.merge(key, 1, Integer::sum);
            }
            String name = rnd.nextDouble() < 0.7 ? people.name(rnd, rnd.nextBoolean(), 1940 + rnd.nextInt(65)) : null;
            long id = firstId + made;
            rows.field(id).field(post.id()).field(slot.start()).field(slot.end()).field(ServicePhrases.pick(rnd, purposes))
                    .field(name).field(People.landline(rnd)).field(tokens.tokenHash("booking", id))
                    .field(cancelledAt == null ? "booked" : "cancelled").field(created).field(cancelledAt).end();
            made++;
        }
        return made;
    }
}
