package org.partymap.consult;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.partymap.Config;
import org.partymap.auth.AuditLog;
import org.partymap.auth.LinkToken;
import org.partymap.auth.User;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;
import org.partymap.http.PublicText;
import org.partymap.servicetime.OpeningHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a 社区通 question: routed to the grid that contains its place, its clock started
 * at the next opening of the community's service hours, answered, followed up, transferred,
 * escalated when it waits too long, and marked solved or not by the resident. Every step is one
 * transaction with its event and its notification ({@link QuestionRepository}).
 */
public final class ConsultService {

    private static final Logger log = LoggerFactory.getLogger(ConsultService.class);

    /** Topics every grid offers beside its leader's duties. */
    static final List<String> GENERAL_TOPICS = List.of("政策咨询", "其他");
    static final int MAX_QUESTION = 1000;
    static final int MAX_MESSAGE = 1000;
    static final int MAX_REASON = 200;
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    /** Where a question comes from: a point (the map card's), a typed address, or only a grid's link. */
    public record Place(Double lon, Double lat, String address, Integer grid) {
    }

    /** A geocoded address: its point and whether the geocoder is confident of it. */
    public record Located(double lon, double lat, boolean confident) {
    }

    /** The geocoder, as this service needs it. */
    public interface Geocoder {
        Optional<Located> locate(String address);
    }

    /** A new question's routing and clock, with the token that only the resident ever sees. */
    public record Asked(long id, String token, QuestionRepository.Row row) {
    }

    private final QuestionRepository questions;
    private final Geocoder geocoder;
    private final Clock clock;
    private final Config.Consult settings;
    private final Map<String, OpeningHours> hoursByText = new ConcurrentHashMap<>();

    ConsultService(QuestionRepository questions, Geocoder geocoder, Clock clock, Config.Consult settings) {
        this.questions = questions;
        this.geocoder = geocoder;
        this.clock = clock;
        this.settings = settings;
    }

    Instant now() {
        return clock.instant();
    }

    Config.Consult settings() {
        return settings;
    }

    QuestionRepository questions() {
        return questions;
    }

    /** The topics a resident may choose for a grid: its leader's duties, then 政策咨询 and 其他. */
    static List<String> topics(QuestionRepository.GridInfo grid) {
        var all = new ArrayList<>(grid.duties());
        GENERAL_TOPICS.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return all;
    }

    /** The grid a place is routed to, and whether the place is uncertain; 4xx when there is none. */
    record Route(QuestionRepository.GridInfo grid, Double lon, Double lat, String placeText, boolean uncertain) {
    }

    Route route(Place place) {
        Double lon = place.lon();
        Double lat = place.lat();
        boolean uncertain = false;
        String text = place.address() == null || place.address().isBlank() ? null : place.address().strip();
        if ((lon == null) != (lat == null)) {
            throw ApiException.badRequest("bad-place", "give both lon and lat, or neither");
        }
        if (lon == null && text != null) {
            var located = geocoder.locate(text).orElseThrow(() -> ApiException.unprocessable("place-not-found",
                    "the address '" + text + "' was not found in the district; pick the place on the map instead"));
            lon = located.lon();
            lat = located.lat();
            uncertain = !located.confident();
        }
        Integer gridId;
        if (lon != null) {
            double x = lon;
            double y = lat;
            gridId = questions.gridAt(x, y).orElseThrow(() -> ApiException.unprocessable("outside-grids",
                    "the place " + x + ", " + y + " lies in no grid of the district"));
        } else if (place.grid() != null) {
            gridId = place.grid();
        } else {
            throw ApiException.badRequest("place-required", "say where: a point (lon, lat), an address, or the grid");
        }
        int id = gridId;
        var grid = questions.grid(id).orElseThrow(() -> ApiException.notFound("grid-not-found", "there is no grid " + id));
        return new Route(grid, lon, lat, text, uncertain);
    }

    /** Takes a new question: routed, its clock started; stored with its private token's hash. */
    Asked ask(Route route, String topic, String body, String phone) {
        if (!topics(route.grid()).contains(topic)) {
            throw ApiException.badParameter("topic", "'" + topic + "' is not a topic of this grid; choose one of " + topics(route.grid()));
        }
        String text = PublicText.check("text", body, MAX_QUESTION);
        String callBack = phone(phone);
        Instant asked = now();
        OpeningHours hours = hours(route.grid().serviceHours());
        Instant start = hours.nextOpening(asked);
        var token = LinkToken.issue();
        var q = new QuestionRepository.NewQuestion(token.hash(), route.grid().id(), topic, text, callBack, route.lon(), route.lat(),
                route.placeText(), route.uncertain(), asked, start, hours.after(start, settings.target()),
                hours.after(start, settings.escalate()));
        long id = Sql.transaction(questions.dataSource(), c -> {
            long newId = questions.insert(c, q);
            questions.notify(c, newId, "asked", null);
            return newId;
        });
        return new Asked(id, token.token(), questions.byId(id).orElseThrow());
    }

    /** The question its token opens; 404 for any other token. */
    QuestionRepository.Row mine(String tokenHash) {
        return questions.byToken(tokenHash).orElseThrow(() -> ApiException.notFound("question-not-found",
                "no question belongs to this link; it may have been mistyped"));
    }

    /** The resident adds a message; a solved question opens again. */
    QuestionRepository.Row followUp(String tokenHash, String body) {
        String text = PublicText.check("text", body, MAX_MESSAGE);
        long id = mine(tokenHash).id();
        change(id, (c, q, at) -> {
            questions.event(c, id, at, "follow_up", null, null, text, null, null, null);
            if (q.status().equals("solved")) {
                questions.status(c, id, q.firstAnswerAt() == null ? "waiting" : "answered", null, at);
            }
            return "follow_up";
        });
        return questions.byId(id).orElseThrow();
    }

    /** The resident says whether the answer solved it: solved closes it; not solved puts it back in the waiting list. */
    QuestionRepository.Row resolve(String tokenHash, boolean solved) {
        long id = mine(tokenHash).id();
        change(id, (c, q, at) -> {
            questions.event(c, id, at, solved ? "solved" : "not_solved", null, null, null, null, null, null);
            questions.status(c, id, solved ? "solved" : "waiting", solved, at);
            return solved ? "solved" : "not_solved";
        });
        return questions.byId(id).orElseThrow();
    }

    /** The question if this account may read it, after raising what is due, and with its opening recorded. */
    QuestionRepository.Row read(User user, long id, AuditLog.Actor actor) {
        escalateDue();
        var row = visible(user, id);
        Sql.transaction(questions.dataSource(), c -> {
            questions.seen(c, id, now(), user.id(), author(user));
            AuditLog.record(c, actor, "question_read", "question", id, Map.of("grid", row.gridCode()));
            return null;
        });
        return row;
    }

    QuestionRepository.Row visible(User user, long id) {
        return questions.visible(id, ConsultAccess.params(user)).orElseThrow(() -> ApiException.notFound("question-not-found",
                "there is no question " + id + " in your inbox"));
    }

    /** A worker's answer; the first one stops the clock. */
    QuestionRepository.Row answer(User user, long id, String body) {
        String text = PublicText.staff("text", body, MAX_MESSAGE);
        visible(user, id);
        change(id, (c, q, at) -> {
            questions.event(c, id, at, "answer", user.id(), author(user), text, null, null, null);
            int seconds = (int) hours(q.serviceHours()).elapsed(q.clockStart(), at).toSeconds();
            questions.answered(c, id, at, seconds);
            return "answer";
        });
        return questions.byId(id).orElseThrow();
    }

    /** Sends a misrouted question to another grid, with the reason; the clock runs on. */
    QuestionRepository.Row transfer(User user, long id, int toGrid, String reason) {
        String why = PublicText.staff("reason", reason, MAX_REASON);
        var from = visible(user, id);
        if (from.gridId() == toGrid) {
            throw ApiException.conflict("same-grid", "the question is already with grid " + toGrid);
        }
        questions.grid(toGrid).orElseThrow(() -> ApiException.unprocessable("grid-not-found", "there is no grid " + toGrid));
        change(id, (c, q, at) -> {
            questions.move(c, id, toGrid, at);
            questions.event(c, id, at, "transfer", user.id(), author(user), why, q.gridId(), toGrid, null);
            questions.notify(c, id, "transfer", q.gridId());
            return null;
        });
        return questions.byId(id).orElseThrow();
    }

    List<QuestionRepository.Event> events(long id) {
        return questions.events(id);
    }

    /** Raises every question past a limit unanswered; the number raised. Cheap when nothing is due (a partial index). */
    public int escalateDue() {
        return questions.escalateDue(now());
    }

    /** The community's service hours for its clocks; unreadable text is refused with the parser's reason. */
    void setServiceHours(int communityId, String text) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value != null) {
            try {
                OpeningHours.parse(value);
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter("hours", "cannot read the hours '" + value + "': " + e.getMessage());
            }
        }
        if (!questions.setServiceHours(communityId, value)) {
            throw ApiException.notFound("community-not-found", "there is no community " + communityId);
        }
    }

    /** The clock of a question at {@code now}. */
    QuestionClock clock(QuestionRepository.Row q) {
        return QuestionClock.of(q, hours(q.serviceHours()), now(), settings.target());
    }

    /** Hours from a community's text; the default service hours where it has none or they cannot be read. */
    OpeningHours hours(String text) {
        if (text == null || text.isBlank()) {
            return OpeningHours.DEFAULT_SERVICE;
        }
        return hoursByText.computeIfAbsent(text, t -> {
            try {
                return OpeningHours.parse(t);
            } catch (IllegalArgumentException e) {
                log.warn("community service hours '{}' cannot be read ({}); the default hours apply", t, e.getMessage());
                return OpeningHours.DEFAULT_SERVICE;
            }
        });
    }

    private interface Change {
        /** Makes the change; returns the kind to announce, or null when the change announced itself. */
        String apply(java.sql.Connection c, QuestionRepository.Row locked, Instant at) throws java.sql.SQLException;
    }

    private void change(long id, Change change) {
        Sql.transaction(questions.dataSource(), c -> {
            var q = questions.lock(c, id).orElseThrow(() -> ApiException.notFound("question-not-found", "there is no question " + id));
            String kind = change.apply(c, q, now());
            if (kind != null) {
                questions.notify(c, id, kind, null);
            }
            return null;
        });
    }

    private static String author(User user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }

    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip().replace(" ", "");
        if (!PHONE.matcher(digits).matches()) {
            throw ApiException.badParameter("phone", "'" + phone + "' is not a phone number (a mobile 1xxxxxxxxxx or a landline 0515-xxxxxxxx)");
        }
        return digits;
    }
}
