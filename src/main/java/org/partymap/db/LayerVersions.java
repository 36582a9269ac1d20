package org.partymap.db;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change counters of the public layers (table {@code layer_version}, raised by a statement
 * trigger on each layer's table), polled in the background. Whatever the server holds in memory
 * (the walking network) listens for its layer's counter; responses derived from the layers use
 * the counters as their ETag. A poll that fails keeps the last known counters.
 */
public final class LayerVersions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LayerVersions.class);
    private static final String SELECT = "SELECT layer, version FROM layer_version";
    private static final String CURRENT = """
            SELECT coalesce(string_agg(coalesce(v.version, 0)::text, '-' ORDER BY t.n), '')
              FROM unnest(?::text[]) WITH ORDINALITY AS t(layer, n) LEFT JOIN layer_version v ON v.layer = t.layer""";

    private final DataSource ds;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private volatile long failedAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(10);

    private record Listener(String layer, Consumer<Long> action) {
    }

    private LayerVersions(DataSource ds) {
        this.ds = ds;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partymap-layer-versions");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads the counters now and then every {@code interval}. */
    public static LayerVersions start(DataSource ds, Duration interval) {
        var v = new LayerVersions(ds);
        v.poll();
        v.poller.scheduleWithFixedDelay(v::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return v;
    }

    /** The layer's counter as last read; 0 when unknown. */
    public long version(String layer) {
        return versions.getOrDefault(layer, 0L);
    }

    /** The counters of the given layers as one token ("3-1-7"): it changes whenever one of them does. */
    public String token(List<String> layers) {
        var token = new StringBuilder();
        for (String layer : layers) {
            token.append(token.length() == 0 ? "" : "-").append(version(layer));
        }
        return token.toString();
    }

    /**
     * The counters of the given layers as committed now, read from the database (one small
     * query): what an answer kept in memory checks before it is served, so that no node serves a
     * layer older than the last committed change. Empty when the database does not answer (and
     * for a second after it did not, so that requests do not queue for a database that is away):
     * what was kept is then the best answer there is.
     */
    public Optional<String> current(List<String> layers) {
        if (System.nanoTime() - failedAt < TimeUnit.SECONDS.toNanos(1)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Sql.text(ds, CURRENT, (Object) layers.toArray(String[]::new)).orElse(""));
        } catch (RuntimeException e) {
            failedAt = System.nanoTime();
            log.debug("layer versions not read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Calls {@code action} with the new counter, on the polling thread, whenever the layer changes. */
    public void onChange(String layer, Consumer<Long> action) {
        listeners.add(new Listener(layer, action));
    }

    /** Reads the counters now and tells the listeners of the layers that changed. */
    public synchronized void poll() {
        for (var row : Sql.list(ds, SELECT, rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
            Long before = versions.put(row.getKey(), row.getValue());
            if (before != null && !before.equals(row.getValue())) {
                for (Listener l : listeners) {
                    if (l.layer().equals(row.getKey())) {
                        l.action().accept(row.getValue());
                    }
                }
            }
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.debug("layer versions not read: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
