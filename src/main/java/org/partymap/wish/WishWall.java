package org.partymap.wish;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.partymap.db.LayerVersions;
import org.partymap.http.Responses;

/**
 * The public wish walls, rendered once per version of the {@code wish}, {@code grid} and
 * {@code community} layers and then served as copies of the same bytes (a QR code on a notice
 * board sends a community's residents here at once). A node that took a write renders again at
 * once ({@link #written}); the others within one poll of {@link LayerVersions}. At most
 * {@value #MAX_ENTRIES} communities are kept per version (absent ones included).
 */
public final class WishWall {

    static final List<String> LAYERS = List.of("wish", "grid", "community");
    static final int MAX_ENTRIES = 10_000;

    /** A wall: its strong ETag (quoted) and its bytes. */
    public record Answer(String etag, byte[] body) {
    }

    /** The wall's JSON. */
    record Board(Community community, WishRepository.Figures figures, List<WishJson.Wall> wishes) {
    }

    record Community(int id, String name) {
    }

    private final WishRepository repository;
    private final LayerVersions versions;
    private final AtomicLong writtenHere = new AtomicLong();
    private volatile Generation generation = new Generation("");

    private record Generation(String version, Map<Integer, Optional<Answer>> walls) {
        Generation(String version) {
            this(version, new ConcurrentHashMap<>());
        }
    }

    public WishWall(WishRepository repository, LayerVersions versions) {
        this.repository = repository;
        this.versions = versions;
    }

    /** After a write on this node has committed. */
    public void written() {
        writtenHere.incrementAndGet();
    }

    /** A community's wall; empty when there is no such community. */
    public Optional<Answer> wall(int communityId) {
        String version = versions.token(LAYERS) + "-" + writtenHere.get();
        Generation g = generation;
        if (!g.version().equals(version)) {
            g = new Generation(version);
            generation = g;
        }
        Optional<Answer> answer = g.walls().get(communityId);
        if (answer == null) {
            answer = repository.communityName(communityId).map(name -> {
                var board = new Board(new Community(communityId, name), repository.figures(communityId),
                        repository.wall(communityId).stream().map(WishJson::wall).toList());
                byte[] body = Responses.toJson(board).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                return new Answer(Responses.entityTag("wall-", body), body);
            });
            if (g.walls().size() < MAX_ENTRIES) {
                g.walls().put(communityId, answer);
            }
        }
        return answer;
    }
}
