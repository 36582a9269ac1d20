package org.partymap.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partymap.activity.ActivityJson.Occurrence;
import org.partymap.activity.ActivityRepository.Activity;
import org.partymap.activity.ActivityRepository.NewSignup;
import org.partymap.activity.ActivityRepository.Place;
import org.partymap.activity.ActivityRepository.Signup;
import org.partymap.auth.LinkToken;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.resident.PhoneMask;
import org.partymap.servicetime.OpeningHours;

/**
 * The rules of activities: who may publish at a post ({@link User#serves} with the post's grid and
 * community), which occurrences a rule yields, and signing up for one while seats are left.
 */
public final class ActivityService {

    /** How long an activity may last: longer is not an activity of a post but a season. */
    public static final Duration MAX_LENGTH = Duration.ofDays(7);

    /** A sign-up as its private link shows it: the phone masked, whether it may still be cancelled. */
    public record Mine(String status, String occurrenceStart, String occurrenceEnd, String name, String phoneMasked,
                       String createdAt, String cancelledAt, boolean cancellable, MineActivity activity) {
    }

    public record MineActivity(long id, String title, String kind, String kindLabel, boolean cancelled, ActivityJson.Station station) {
    }

    public record SignedUp(String token, String link, Mine signup) {
    }

    /** A sign-up in the organiser's list. */
    public record Listed(long id, String name, String phoneMasked, String status, String createdAt, String cancelledAt) {
    }

    public record OccurrenceSignups(String start, String end, Integer capacity, int taken, List<Listed> signups) {
    }

    public record SignupList(ActivityJson.Staff activity, int returned, List<OccurrenceSignups> occurrences) {
    }

    private final ActivityRepository repository;
    private final Clock clock;

    public ActivityService(ActivityRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return clock.instant().atZone(OpeningHours.ZONE).toLocalDate();
    }

    /** The post, when the account serves it: 404 without the post, 403 when it is not theirs. */
    public Place servedPlace(User user, int stationId) {
        Place p = repository.place(stationId).orElseThrow(() -> noStation(stationId));
        if (!serves(user, p)) {
            throw ApiException.forbidden("out-of-scope", p.name() + " (post " + p.id() + ") is not among the posts you serve:"
                    + " its activities are published by the staff of its grid or community and by admins");
        }
        return p;
    }

    static boolean serves(User user, Place p) {
        return p.communityId() == null ? user.isAdmin()
                : user.serves(p.gridId() == null ? -1 : p.gridId(), p.communityId(), p.subdistrictId());
    }

    /** The starts of every occurrence of an activity. */
    static List<Instant> starts(Activity a) {
        Recurrence rule = Recurrence.stored(a.rrule(), a.start());
        return rule == null ? List.of(a.start()) : rule.expand(a.start(), Recurrence.MAX_OCCURRENCES);
    }

    /**
     * The occurrences of {@code activities} that have not ended by {@code now} and start before
     * {@code until}, by start, with seats left.
     */
    List<Occurrence> occurrences(List<Activity> activities, Map<Integer, Place> places, Instant now, Instant until) {
        var taken = repository.taken(activities.stream().map(Activity::id).toList(), now.minus(MAX_LENGTH));
        var list = new ArrayList<Occurrence>();
        for (Activity a : activities) {
            Duration length = Duration.between(a.start(), a.end());
            for (Instant start : starts(a)) {
                Instant end = start.plus(length);
                if (end.isAfter(now) && start.isBefore(until)) {
                    Integer remaining = a.capacity() == null ? null
                            : Math.max(0, a.capacity() - taken.getOrDefault(a.id(), Map.of()).getOrDefault(start, 0));
                    list.add(new Occurrence(a.id(), a.title(), a.kind().code(), a.kind().label(), ActivityJson.time(start),
                            ActivityJson.time(end), ActivityJson.Station.of(places.get(a.stationId())), a.capacity(), remaining,
                            a.description(), a.rrule() != null));
                }
            }
        }
        list.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::activity));
        return list;
    }

    /** Signs up for an occurrence of a public activity that takes sign-ups and has not started. */
    public SignedUp signUp(long activityId, Instant occurrence, String name, String phone) {
        Instant now = clock.instant();
        var token = LinkToken.issue();
        Signup s = repository.signUp(activityId, a -> {
            if (a.cancelledAt() != null || !a.isPublic()) {
                throw ActivityRepository.noActivity(activityId);
            }
            if (a.capacity() == null) {
                throw ApiException.conflict("no-signup", "“" + a.title() + "” needs no sign-up: come along");
            }
            if (!starts(a).contains(occurrence)) {
                throw ApiException.unprocessable("not-an-occurrence", ActivityJson.time(occurrence) + " is not an occurrence of “"
                        + a.title() + "”; GET /api/stations/" + a.stationId() + "/activities lists them").with("field", "occurrence");
            }
            if (!occurrence.isAfter(now)) {
                throw ApiException.conflict("occurrence-started", "this occurrence has started or is over; choose a later one");
            }
        }, new NewSignup(occurrence, name, phone, token.hash(), now));
        return new SignedUp(token.token(), "/activity.html#t=" + token.token(), mine(s, now));
    }

    public Optional<Mine> mine(String tokenHash) {
        Instant now = clock.instant();
        return repository.mine(tokenHash).map(s -> mine(s, now));
    }

    /** Cancels a sign-up; cancelling again answers the same; 409 once its occurrence has started. */
    public Optional<Mine> cancel(String tokenHash) {
        Instant now = clock.instant();
        return repository.cancelSignup(tokenHash, now, s -> {
            if (!s.occurrence().isAfter(now)) {
                throw ApiException.conflict("occurrence-started", "this occurrence has started and can no longer be cancelled");
            }
        }).map(s -> mine(s, now));
    }

    /** The sign-ups of an activity for its organisers: empty when there is no such activity or the account does not serve its post. */
    public Optional<SignupList> signups(User user, long activityId) {
        var a = repository.find(activityId);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        Place p = repository.place(a.get().stationId()).orElseThrow();
        if (!serves(user, p)) {
            return Optional.empty();
        }
        Duration length = Duration.between(a.get().start(), a.get().end());
        var byStart = new LinkedHashMap<Instant, List<Listed>>();
        var taken = new HashMap<Instant, Integer>();
        int returned = 0;
        for (Signup s : repository.signups(a.get())) {
            byStart.computeIfAbsent(s.occurrence(), k -> new ArrayList<>()).add(new Listed(s.id(), s.name(), PhoneMask.mask(s.phone()),
                    s.cancelledAt() == null ? "signed_up" : "cancelled", ActivityJson.time(s.createdAt()), ActivityJson.time(s.cancelledAt())));
            if (s.cancelledAt() == null) {
                taken.merge(s.occurrence(), 1, Integer::sum);
            }
            returned++;
        }
        var occurrences = byStart.entrySet().stream().map(e -> new OccurrenceSignups(ActivityJson.time(e.getKey()),
                ActivityJson.time(e.getKey().plus(length)), a.get().capacity(), taken.getOrDefault(e.getKey(), 0), List.copyOf(e.getValue())))
                .toList();
        return Optional.of(new SignupList(ActivityJson.Staff.of(a.get(), p, starts(a.get())), returned, occurrences));
    }

    private Mine mine(Signup s, Instant now) {
        Activity a = s.activity();
        boolean live = s.cancelledAt() == null;
        return new Mine(live ? "signed_up" : "cancelled", ActivityJson.time(s.occurrence()),
                ActivityJson.time(s.occurrence().plus(Duration.between(a.start(), a.end()))), s.name(), PhoneMask.mask(s.phone()),
                ActivityJson.time(s.createdAt()), ActivityJson.time(s.cancelledAt()), live && s.occurrence().isAfter(now),
                new MineActivity(a.id(), a.title(), a.kind().code(), a.kind().label(), a.cancelledAt() != null,
                        repository.place(a.stationId()).map(ActivityJson.Station::of).orElse(null)));
    }

    static ApiException noStation(int id) {
        return ApiException.notFound("station-not-found", "there is no post " + id);
    }

}
