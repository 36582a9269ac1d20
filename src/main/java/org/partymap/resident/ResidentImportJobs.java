package org.partymap.resident;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs uploaded imports in the background, one at a time (geocoding uses every core already),
 * with a few waiting behind; their progress and outcome are in their job rows, which any node of
 * the service can answer about. Stopped with the server: a running import is interrupted and
 * rolled back, and its job reads as failed.
 */
public final class ResidentImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResidentImportJobs.class);
    static final int WAITING = 4;

    private final ResidentImporter importer;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), r -> {
                Thread t = new Thread(r, "resident-import");
                t.setDaemon(true);
                return t;
            });

    public ResidentImportJobs(ResidentImporter importer) {
        this.importer = importer;
    }

    public ResidentImporter importer() {
        return importer;
    }

    /** Queues a prepared import; false (and the job failed) when too many are waiting already. */
    public boolean submit(ResidentImporter.Prepared p) {
        try {
            executor.execute(() -> {
                try {
                    importer.run(p, (phase, done, total) -> { });
                } catch (RuntimeException e) {
                    log.warn("resident import {} failed: {}", p.id(), ResidentImporter.firstLine(e.getMessage()));
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            importer.jobs().fail(p.id(), "the server is busy with other imports; nothing was written, send the file again later");
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
