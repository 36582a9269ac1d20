package org.partymap.notice;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.partymap.db.LayerVersions;
import org.partymap.http.Responses;

/**
 * The public answers about notices, rendered once per version and then served as copies of the
 * same bytes. The version is the {@code layer_version} counters of {@code notice} and
 * {@code community}, which every write raises in its own transaction and every app node polls
 * ({@link LayerVersions}): a node that did not take a write drops what it rendered within one
 * poll, the node that took it at once ({@link #written}: a count of its own writes is part of the
 * version, so the write path neither waits for nor runs a poll).
 *
 * <p>What one version holds is bounded: per community its newest {@value NoticeRepository#NEWEST_PER_KIND}
 * notices of each kind as JSON fragments, from which every {@code kind=}/{@code limit=} list is
 * copied together, and its feed for at most {@value #FEED_BASES} public addresses; at most
 * {@value #MAX_ENTRIES} communities and single notices (absent ones included). Past these, answers
 * are still right but read the database each time.
 */
public final class NoticeAnswers {

    static final List<String> LAYERS = List.of("notice", "community");
    static final int MAX_ENTRIES = 10_000;
    static final int FEED_BASES = 4;

    /** An answer: its strong ETag (quoted) and its bytes. */
    public record Answer(String etag, byte[] body) {
    }

    private final NoticeRepository repository;
    private final LayerVersions versions;
    private final AtomicLong writtenHere = new AtomicLong();
    private volatile Generation generation = new Generation("");

    /** What was rendered from one version of the layers. */
    private record Generation(String version, Map<Integer, Optional<Board>> boards, Map<Long, Optional<Answer>> notices) {
        Generation(String version) {
            this(version, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    public NoticeAnswers(NoticeRepository repository, LayerVersions versions) {
        this.repository = repository;
        this.versions = versions;
    }

    /** After a write on this node has committed: the next read here renders again and sees it. */
    public void written() {
        writtenHere.incrementAndGet();
    }

    /** A community's public notices as rendered for this version; empty when there is no such community. */
    public Optional<Board> board(int communityId) {
        Generation g = current();
        Optional<Board> board = g.boards().get(communityId);
        if (board == null) {
            board = repository.community(communityId).map(c -> new Board(c, repository.newest(c.id()),
                    repository.lastChange(c.id()).orElse(c.updatedAt())));
            if (g.boards().size() < MAX_ENTRIES) {
                g.boards().put(communityId, board);
            }
        }
        return board;
    }

    /** One public notice with its community; empty when it is absent or withdrawn. */
    public Optional<Answer> notice(long id) {
        Generation g = current();
        Optional<Answer> answer = g.notices().get(id);
        if (answer == null) {
            answer = repository.find(id).flatMap(n -> repository.community(n.communityId())
                    .map(c -> answer(NoticeJson.detail(n, c))));
            if (g.notices().size() < MAX_ENTRIES) {
                g.notices().put(id, answer);
            }
        }
        return answer;
    }

    private Generation current() {
        String version = versions.token(LAYERS) + "-" + writtenHere.get();
        Generation g = generation;
        if (!g.version().equals(version)) {
            g = new Generation(version);
            generation = g;
        }
        return g;
    }

    /** A community's notices for one version: the JSON of each, rendered once, and the feed. */
    public static final class Board {
        private final CommunityRef community;
        private final List<Notice> notices;
        private final List<byte[]> items;
        private final byte[] head;
        private final Instant updated;
        private final String digest;
        private final Map<String, Answer> feeds = new ConcurrentHashMap<>();

        Board(CommunityRef community, List<Notice> notices, Instant updated) {
            this.community = community;
            this.notices = List.copyOf(notices);
            this.items = notices.stream().map(NoticeJson::item).toList();
            this.head = ("{\"community\":" + new String(NoticeJson.bytes(NoticeJson.Community.of(community)), StandardCharsets.UTF_8)
                    + ",\"notices\":[").getBytes(StandardCharsets.UTF_8);
            this.updated = updated;
            var sha = sha256();
            sha.update(head);
            items.forEach(sha::update);
            this.digest = HexFormat.of().formatHex(sha.digest(), 0, 12);
        }

        public CommunityRef community() {
            return community;
        }

        /** The list's ETag: the same bytes for the same board, kind and limit, so no body is built for a 304. */
        public String listEtag(Optional<NoticeKind> kind, int limit) {
            return "\"notices-" + digest + "-" + kind.map(NoticeKind::code).orElse("all") + "-" + limit + "\"";
        }

        /** The newest {@code limit} notices (of {@code kind}), copied together from their rendered JSON. */
        public byte[] list(Optional<NoticeKind> kind, int limit) {
            var out = new ByteArrayOutputStream(head.length + 2 + limit * 512);
            out.writeBytes(head);
            int n = 0;
            for (int i = 0; i < notices.size() && n < limit; i++) {
                if (kind.isEmpty() || notices.get(i).kind() == kind.get()) {
                    if (n++ > 0) {
                        out.write(',');
                    }
                    out.writeBytes(items.get(i));
                }
            }
            out.write(']');
            out.write('}');
            return out.toByteArray();
        }

        /** The feed of the newest {@value NoticeRepository#NEWEST_PER_KIND} notices of any kind, with links under {@code base}. */
        public Answer feed(String base) {
            Answer feed = feeds.get(base);
            if (feed == null) {
                var newest = new ArrayList<>(notices.subList(0, Math.min(notices.size(), NoticeRepository.NEWEST_PER_KIND)));
                feed = answer(AtomFeed.write(base, community, newest, updated));
                if (feeds.size() < FEED_BASES) {
                    feeds.put(base, feed);
                }
            }
            return feed;
        }
    }

    private static Answer answer(byte[] body) {
        return new Answer(Responses.entityTag("", body), body);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
