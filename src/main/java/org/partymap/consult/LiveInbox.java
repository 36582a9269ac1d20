package org.partymap.consult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.partymap.auth.AccessControl;
import org.partymap.auth.User;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;
import org.partymap.http.Responses;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live inbox: every worker's open page holds a server-sent event stream
 * ({@code GET /api/inbox/events}), and this node pushes to it every change of a question that
 * worker may read. Changes arrive through PostgreSQL's {@code LISTEN} on
 * {@link QuestionRepository#CHANNEL}, so a question taken by another app node reaches the workers
 * connected here too, with no broker. One database read per change feeds every recipient.
 *
 * <p>Events: {@code ready} on connecting (the page loads its list then, so nothing is missed
 * across a reconnect), {@code question} with {@code {kind, question}} (an inbox line), and
 * {@code removed} with {@code {id}} when a question leaves the account's inbox (transferred). A
 * stream ends after {@link #MAX_STREAM}; the browser's EventSource reconnects at once, through the
 * login check again, so an account disabled meanwhile stops hearing within that time.
 */
public final class LiveInbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration MAX_STREAM = Duration.ofMinutes(10);
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Duration SWEEP = Duration.ofSeconds(15);

    private static final String COMMUNITIES_OF_GRIDS = "SELECT DISTINCT community_id FROM grid WHERE id = ANY (?::int[])";

    /** Pushes a stream may have waiting before it is taken for dead and closed (it reconnects and reads the list). */
    static final int MAX_PENDING = 500;
    private static final int SENDERS = 4;

    /**
     * A connected stream: who it is, since when, and what waits to be written to it. Writes go
     * through {@link #senders}, one drain at a time per stream, so a stream whose reader has
     * stalled (a phone on a bad network) holds one sender at most and never the listener.
     */
    private record Listener(ConsultAccess.Viewer viewer, long since, ConcurrentLinkedQueue<String[]> pending, AtomicBoolean draining) {
    }

    private final DataSource ds;
    private final ConsultService consult;
    private final Map<SseClient, Listener> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partymap-inbox-timer");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
        Thread t = new Thread(r, "partymap-inbox-send");
        t.setDaemon(true);
        return t;
    });
    private final Thread listener;
    private volatile boolean running = true;

    LiveInbox(DataSource ds, ConsultService consult) {
        this.ds = ds;
        this.consult = consult;
        this.listener = new Thread(this::listen, "partymap-inbox-listen");
        this.listener.setDaemon(true);
    }

    /** Starts listening, the heartbeat and the escalation sweep. */
    public void start() {
        listener.start();
        timer.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::sweep, SWEEP.toSeconds(), SWEEP.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The route's handler: a stream for an EventSource; a plain request (no {@code Accept:
     * text/event-stream}) is refused with a reason instead of Javalin's silent empty 200.
     */
    public Handler handler() {
        var sse = new SseHandler(this::connect);
        return ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw ApiException.badRequest("event-stream-only", "this is a stream of server-sent events: ask with Accept: text/event-stream (an EventSource)");
            }
            sse.handle(ctx);
        };
    }

    /** The SSE handler's body: registers the logged-in account's stream. */
    public void connect(SseClient client) {
        User user = AccessControl.requireUser(client.ctx());
        Set<Integer> communities = new HashSet<>(Sql.list(ds, COMMUNITIES_OF_GRIDS, rs -> rs.getInt(1),
                (Object) user.grids().toArray(Integer[]::new)));
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.put(client, new Listener(ConsultAccess.Viewer.of(user, communities), System.nanoTime(),
                new ConcurrentLinkedQueue<>(), new AtomicBoolean()));
        send(client, "ready", "{\"connected\": true}");
    }

    /** How many streams this node holds. */
    public int connected() {
        return clients.size();
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("LISTEN " + QuestionRepository.CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                if (warned) {
                    log.info("live inbox: listening again");
                    warned = false;
                }
                while (running) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null) {
                        for (PGNotification n : notes) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    log.warn("live inbox: lost the database ({}); retrying every second", e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Pushes one change to the streams that may see it. */
    void dispatch(String payload) {
        if (clients.isEmpty()) {
            return;
        }
        JsonNode n;
        try {
            n = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            log.warn("live inbox: unreadable notification '{}'", payload);
            return;
        }
        long id = n.get("id").asLong();
        int grid = n.get("grid").asInt();
        int community = n.get("community").asInt();
        int subdistrict = n.get("subdistrict").asInt();
        int escalation = n.get("escalation").asInt();
        Integer fromGrid = n.hasNonNull("from_grid") ? n.get("from_grid").asInt() : null;
        List<SseClient> to = new ArrayList<>();
        List<SseClient> removed = new ArrayList<>();
        clients.forEach((client, l) -> {
            if (l.viewer().sees(grid, community, subdistrict, escalation)) {
                to.add(client);
            } else if (fromGrid != null && l.viewer().user().grids().contains(fromGrid)) {
                removed.add(client);
            }
        });
        if (!to.isEmpty()) {
            consult.questions().byId(id).ifPresent(q -> {
                String data = Responses.toJson(Map.of("kind", n.get("kind").asText(), "question", QuestionViews.item(q, consult.clock(q))));
                to.forEach(client -> send(client, "question", data));
            });
        }
        String gone = "{\"id\": " + id + "}";
        removed.forEach(client -> send(client, "removed", gone));
    }

    /** Queues an event (or, with a null name, a comment) for a stream and makes sure a sender drains it. */
    private void send(SseClient client, String event, String data) {
        Listener l = clients.get(client);
        if (l == null) {
            return;
        }
        if (l.pending().size() >= MAX_PENDING) {
            log.info("live inbox: a stream of {} fell {} pushes behind; closed (the page reconnects)", l.viewer().user().username(), MAX_PENDING);
            drop(client);
            return;
        }
        l.pending().add(new String[] {event, data});
        if (l.draining().compareAndSet(false, true)) {
            senders.execute(() -> drain(client, l));
        }
    }

    private void drain(SseClient client, Listener l) {
        try {
            for (String[] next; (next = l.pending().poll()) != null; ) {
                if (client.terminated()) {
                    clients.remove(client);
                    return;
                }
                if (next[0] == null) {
                    client.sendComment(next[1]);
                } else {
                    client.sendEvent(next[0], next[1]);
                }
            }
        } catch (RuntimeException e) {
            clients.remove(client);
            return;
        } finally {
            l.draining().set(false);
        }
        // an event queued after the last poll and before draining was cleared has no drain of its own
        if (!l.pending().isEmpty() && l.draining().compareAndSet(false, true)) {
            senders.execute(() -> drain(client, l));
        }
    }

    private void drop(SseClient client) {
        clients.remove(client);
        senders.execute(client::close);
    }

    private void heartbeat() {
        long now = System.nanoTime();
        clients.forEach((client, l) -> {
            if (now - l.since() > MAX_STREAM.toNanos()) {
                drop(client);
            } else {
                send(client, null, "keep-alive");
            }
        });
    }

    private void sweep() {
        try {
            consult.escalateDue();
        } catch (RuntimeException e) {
            log.warn("escalation sweep failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        senders.shutdownNow();
        clients.keySet().forEach(SseClient::close);
        clients.clear();
        listener.interrupt();
    }
}
