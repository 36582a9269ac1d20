package org.partymap.geocode;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gazetteer snapshot the server answers from, kept up to date. The first request loads it;
 * after that, at most once per check interval a request hands a version check to a background
 * thread ({@code SELECT version FROM gazetteer_version}, one row), which reloads when the version
 * moved and swaps the new snapshot in atomically. Requests never wait for a reload: they answer
 * from the snapshot they found.
 */
public final class GazetteerCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GazetteerCache.class);

    private final GazetteerRepository repository;
    private final long checkNanos;
    private final AtomicReference<Matcher> current = new AtomicReference<>();
    private final AtomicLong nextCheck = new AtomicLong();
    private final Object loading = new Object();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gazetteer-refresh");
        t.setDaemon(true);
        return t;
    });

    public GazetteerCache(DataSource ds, Duration checkEvery) {
        this.repository = new GazetteerRepository(ds);
        this.checkNanos = checkEvery.toNanos();
    }

    /** The matcher over the current snapshot; loads it on first use. */
    public Matcher matcher() {
        Matcher m = current.get();
        if (m == null) {
            synchronized (loading) {
                m = current.get();
                if (m == null) {
                    m = new Matcher(repository.load());
                    current.set(m);
                    nextCheck.set(System.nanoTime() + checkNanos);
                    log.info("gazetteer loaded: version {}, {} addresses", m.gazetteer().version(), m.gazetteer().addressCount());
                }
            }
            return m;
        }
        long now = System.nanoTime();
        long next = nextCheck.get();
        if (now - next >= 0 && nextCheck.compareAndSet(next, now + checkNanos)) {
            background(this::refreshQuietly);
        }
        return m;
    }

    /** Loads the first snapshot in the background, so that the first query does not wait for it. */
    public void warmUp() {
        background(() -> {
            try {
                matcher();
            } catch (RuntimeException e) {
                log.warn("gazetteer warm-up failed; the first query will try again: {}", e.getMessage());
            }
        });
    }

    private void background(Runnable work) {
        try {
            refresher.execute(work);
        } catch (RejectedExecutionException closed) {
            // the server is stopping: the loaded snapshot is good enough for its last answers
        }
    }

    /** Stops the background thread; the snapshot stays readable. */
    @Override
    public void close() {
        refresher.shutdownNow();
    }

    public Gazetteer gazetteer() {
        return matcher().gazetteer();
    }

    /** Checks the version now and reloads when it moved; whether it reloaded. The next check in the background is then due in full. */
    public boolean refreshIfChanged() {
        synchronized (loading) {
            Matcher m = current.get();
            long version = repository.version();
            // without this a snapshot first loaded here had a check due at once, run in the background after the caller moved on
            nextCheck.set(System.nanoTime() + checkNanos);
            if (m != null && m.gazetteer().version() == version) {
                return false;
            }
            Matcher fresh = new Matcher(repository.load());
            current.set(fresh);
            log.info("gazetteer reloaded: version {}, {} addresses", fresh.gazetteer().version(), fresh.gazetteer().addressCount());
            return true;
        }
    }

    private void refreshQuietly() {
        try {
            refreshIfChanged();
        } catch (RuntimeException e) {
            log.warn("gazetteer refresh failed; answering from the loaded snapshot: {}", e.getMessage());
        }
    }
}
