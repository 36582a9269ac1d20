package org.partymap.card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.partymap.Config.EmergencyNumber;
import org.partymap.db.LayerVersions;
import org.partymap.http.Responses;

/**
 * The public answers about one grid's card (its JSON and its one-card PDF), rendered once per
 * version of the layers a card is read from ({@link CardRepository#LAYERS}, polled by
 * {@link LayerVersions}) and then served as the same bytes with a strong ETag, their digest. At
 * most {@value #MAX_ENTRIES} grids are held per version (absent ones included); past that,
 * answers are still right but rendered each time.
 */
public final class CardAnswers {

    static final int MAX_ENTRIES = 5_000;

    /** An answer: its strong ETag (quoted) and its bytes. */
    public record Answer(String etag, byte[] body) {
    }

    private final CardRepository repository;
    private final LayerVersions versions;
    private final List<EmergencyNumber> emergency;
    private final CardLink link;
    private final CardPdf pdf;
    private volatile Generation generation = new Generation("");

    private record Generation(String version, Map<Integer, Optional<Answer>> json, Map<Integer, Optional<Answer>> pdf) {
        Generation(String version) {
            this(version, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    public CardAnswers(CardRepository repository, LayerVersions versions, List<EmergencyNumber> emergency, CardLink link) {
        this.repository = repository;
        this.versions = versions;
        this.emergency = List.copyOf(emergency);
        this.link = link;
        this.pdf = new CardPdf(emergency, link);
    }

    public CardLink link() {
        return link;
    }

    /** The card as JSON; empty when there is no such grid. */
    public Optional<Answer> json(int gridId) {
        Generation g = current();
        return cached(g.json(), gridId, () -> repository.grid(gridId).map(c -> answer(Responses.toJson(view(c)).getBytes(
                java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** The card as a two-page PDF; empty when there is no such grid. The link must be usable. */
    public Optional<Answer> pdf(int gridId) {
        Generation g = current();
        return cached(g.pdf(), gridId, () -> repository.grid(gridId).map(c -> {
            try (CardFont font = CardFont.open()) {
                return answer(pdf.single(c, font));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    private static Optional<Answer> cached(Map<Integer, Optional<Answer>> map, int id, java.util.function.Supplier<Optional<Answer>> make) {
        Optional<Answer> a = map.get(id);
        if (a == null) {
            a = make.get();
            if (map.size() < MAX_ENTRIES) {
                map.put(id, a);
            }
        }
        return a;
    }

    /** The JSON of a card: the card's data, the emergency numbers, and the QR code or why there is none. */
    Map<String, Object> view(Card c) {
        var out = new LinkedHashMap<String, Object>();
        out.put("grid", Map.of("id", c.grid().id(), "code", c.grid().code(), "name", c.grid().name(),
                "branch_name", c.branchName() == null ? "" : c.branchName()));
        out.put("community", c.community());
        out.put("subdistrict", c.subdistrict());
        var leader = new LinkedHashMap<String, Object>();
        leader.put("name", c.leaderName());
        leader.put("phone", c.leaderPhone());
        out.put("leader", leader);
        out.put("contacts", c.contacts());
        out.put("post", c.post());
        out.put("centre", c.otherCentre());
        out.put("emergency", emergency);
        if (link.usable()) {
            String url = link.of(c.grid().id());
            out.put("map_url", url);
            out.put("qr", Map.of("url", url, "svg", QrCodes.svg(url)));
            out.put("qr_refused", null);
        } else {
            out.put("map_url", null);
            out.put("qr", null);
            out.put("qr_refused", link.refusal().orElseThrow());
        }
        return out;
    }

    private Generation current() {
        String version = versions.token(CardRepository.LAYERS);
        Generation g = generation;
        if (!g.version().equals(version)) {
            g = new Generation(version);
            generation = g;
        }
        return g;
    }

    private static Answer answer(byte[] body) {
        return new Answer(Responses.entityTag("card-", body), body);
    }
}
