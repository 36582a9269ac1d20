package org.partymap.route;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.partymap.db.LayerVersions;
import org.partymap.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walking network the server answers from: built from the street table when the server
 * starts, and built again (in the background, then swapped in) whenever the streets' change
 * counter moves or {@link #rebuild()} is called. Readers never wait for a rebuild, only for the
 * very first build.
 */
public final class StreetNetwork {

    private static final Logger log = LoggerFactory.getLogger(StreetNetwork.class);
    public static final String LAYER = "street";
    private static final String STREETS = "SELECT name, ST_AsBinary(geom) FROM street ORDER BY id";

    private final DataSource ds;
    private final LayerVersions versions;
    private final CompletableFuture<StreetGraph> first = new CompletableFuture<>();
    private volatile StreetGraph current;

    public StreetNetwork(DataSource ds, LayerVersions versions) {
        this.ds = ds;
        this.versions = versions;
        versions.onChange(LAYER, v -> rebuildQuietly());
        Thread t = new Thread(this::rebuildQuietly, "partymap-street-network");
        t.setDaemon(true);
        t.start();
    }

    /** The current graph; waits (at most a minute) for the first build. */
    public StreetGraph graph() {
        StreetGraph g = current;
        if (g != null) {
            return g;
        }
        try {
            return first.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the walking network was being built", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the walking network could not be built: " + e.getMessage(), e);
        }
    }

    /** Builds the graph from the streets as they are now and swaps it in. */
    public synchronized StreetGraph rebuild() {
        StreetGraph g = load(ds, versions.version(LAYER));
        current = g;
        first.complete(g);
        return g;
    }

    /** Builds a graph from the streets in the database as they are now. */
    public static StreetGraph load(DataSource ds, long version) {
        long started = System.nanoTime();
        List<StreetLine> lines = Sql.list(ds, STREETS, rs -> line(rs.getString(1), rs.getBytes(2)));
        StreetGraph g = StreetGraphBuilder.build(lines, version);
        log.info("walking network: {} streets → {} nodes, {} edges in {} ms (streets version {})", lines.size(),
                g.nodeCount(), g.edgeCount(), (System.nanoTime() - started) / 1_000_000, version);
        return g;
    }

    private void rebuildQuietly() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            log.error("the walking network could not be built", e);
            if (current == null) {
                first.completeExceptionally(e);
            }
        }
    }

    private static StreetLine line(String name, byte[] wkb) {
        try {
            var geometry = (LineString) new WKBReader().read(wkb);
            var coords = geometry.getCoordinates();
            double[][] out = new double[coords.length][];
            for (int i = 0; i < coords.length; i++) {
                out[i] = new double[] {coords[i].x, coords[i].y};
            }
            return new StreetLine(name, out);
        } catch (ParseException e) {
            throw new IllegalStateException("a street geometry is not WKB: " + e.getMessage(), e);
        }
    }
}
