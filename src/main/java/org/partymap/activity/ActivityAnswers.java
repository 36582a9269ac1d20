package org.partymap.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partymap.activity.ActivityRepository.Activity;
import org.partymap.activity.ActivityRepository.Place;
import org.partymap.db.LayerVersions;
import org.partymap.http.Responses;

/**
 * The public answers about activities (a post's or a community's upcoming occurrences, their
 * iCalendar feeds), rendered once per version and minute and then served as the same bytes with
 * a strong ETag. The version is the {@code layer_version} counters of the tables they read, which
 * every write raises and every node polls ({@link LayerVersions}), with a count of this node's own
 * writes ({@link #written}) so the node that took a write answers with it at once; the minute,
 * because "upcoming" moves with the clock. At most {@value #MAX_ENTRIES} answers per generation.
 */
public final class ActivityAnswers {

    static final List<String> LAYERS = List.of("activity", "activity_signup", "station", "community", "grid");
    static final int MAX_ENTRIES = 5_000;
    /** How far back a feed reaches: events that ended longer ago than this are left out. */
    static final java.time.Duration FEED_PAST = java.time.Duration.ofDays(30);

    public record Answer(String etag, byte[] body) {
    }

    private final ActivityRepository repository;
    private final ActivityService service;
    private final LayerVersions versions;
    private final AtomicLong writtenHere = new AtomicLong();
    private volatile Generation generation = new Generation("");

    private record Generation(String version, Map<String, Optional<Answer>> answers) {
        Generation(String version) {
            this(version, new ConcurrentHashMap<>());
        }
    }

    public ActivityAnswers(ActivityRepository repository, ActivityService service, LayerVersions versions) {
        this.repository = repository;
        this.service = service;
        this.versions = versions;
    }

    public void written() {
        writtenHere.incrementAndGet();
    }

    /** A post's public occurrences over {@code days} from now; empty without the post. */
    public Optional<Answer> station(int id, int days) {
        return cached("station:" + id + ":" + days, () -> repository.place(id).map(p -> {
            Instant now = service.now();
            var occurrences = service.occurrences(repository.atStation(id, now), Map.of(p.id(), p), now,
                    now.plus(java.time.Duration.ofDays(days)));
            return new ActivityJson.StationCalendar(ActivityJson.Station.of(p), service.today().toString(), days, occurrences);
        }).map(ActivityJson::bytes));
    }

    /** A community's public occurrences at all its posts over {@code days} from now; empty without the community. */
    public Optional<Answer> community(int id, int days) {
        return cached("community:" + id + ":" + days, () -> repository.community(id).map(c -> {
            Instant now = service.now();
            var occurrences = service.occurrences(repository.inCommunity(id, now), places(id), now,
                    now.plus(java.time.Duration.ofDays(days)));
            return new ActivityJson.CommunityCalendar(new ActivityJson.Community(c.id(), c.name()), service.today().toString(), days,
                    occurrences);
        }).map(ActivityJson::bytes));
    }

    /** A post's feed: its public activities that have not ended {@link #FEED_PAST} ago. */
    public Optional<Answer> stationFeed(int id, String uidDomain, String base) {
        return cached("station.ics:" + id + ":" + uidDomain + ":" + base, () -> repository.place(id).map(p ->
                ActivityCalendar.write(p.name() + " 活动", live(repository.atStation(id, service.now().minus(FEED_PAST))),
                        Map.of(p.id(), p), uidDomain, base)));
    }

    public Optional<Answer> communityFeed(int id, String uidDomain, String base) {
        return cached("community.ics:" + id + ":" + uidDomain + ":" + base, () -> repository.community(id).map(c ->
                ActivityCalendar.write(c.name() + " 活动", live(repository.inCommunity(id, service.now().minus(FEED_PAST))),
                        places(id), uidDomain, base)));
    }

    /** What the feeds hold: recurring activities whose last occurrence has not ended {@link #FEED_PAST} ago. */
    private List<Activity> live(List<Activity> activities) {
        Instant since = service.now().minus(FEED_PAST);
        return activities.stream().filter(a -> {
            var starts = ActivityService.starts(a);
            return starts.get(starts.size() - 1).plus(java.time.Duration.between(a.start(), a.end())).isAfter(since);
        }).toList();
    }

    private Map<Integer, Place> places(int communityId) {
        return repository.places(communityId).stream().collect(Collectors.toMap(Place::id, Function.identity()));
    }

    private Optional<Answer> cached(String key, java.util.function.Supplier<Optional<byte[]>> render) {
        Generation g = current();
        Optional<Answer> answer = g.answers().get(key);
        if (answer == null) {
            answer = render.get().map(ActivityAnswers::answer);
            if (g.answers().size() < MAX_ENTRIES) {
                g.answers().put(key, answer);
            }
        }
        return answer;
    }

    private Generation current() {
        String version = versions.token(LAYERS) + "-" + writtenHere.get() + "-" + service.now().truncatedTo(ChronoUnit.MINUTES);
        Generation g = generation;
        if (!g.version().equals(version)) {
            g = new Generation(version);
            generation = g;
        }
        return g;
    }

    private static Answer answer(byte[] body) {
        return new Answer(Responses.entityTag("", body), body);
    }
}
