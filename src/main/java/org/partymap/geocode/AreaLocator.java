package org.partymap.geocode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which area (grid, community, subdistrict) covers a point, in memory. A point on a boundary
 * shared by two areas belongs to the one with the lower id, as in the database
 * ({@code ORDER BY id LIMIT 1}). Built once, then read by many threads.
 *
 * @param <T> the area
 */
final class AreaLocator<T> {

    private record Entry<T>(T value, int id, IndexedPointInAreaLocator locator) {
    }

    private final STRtree tree = new STRtree();
    private final int size;

    AreaLocator(List<T> areas, Function<T, Geometry> geometry, Function<T, Integer> id) {
        var sorted = new ArrayList<>(areas);
        sorted.sort(Comparator.comparing(id));
        for (T area : sorted) {
            Geometry g = geometry.apply(area);
            var locator = new IndexedPointInAreaLocator(g);
            locator.locate(g.getEnvelopeInternal().centre()); // builds its index before other threads read it
            tree.insert(g.getEnvelopeInternal(), new Entry<>(area, id.apply(area), locator));
        }
        tree.build();
        size = sorted.size();
    }

    /** The area covering (lon, lat), or null. */
    T locate(double lon, double lat) {
        if (size == 0) {
            return null;
        }
        var at = new Coordinate(lon, lat);
        @SuppressWarnings("unchecked")
        List<Entry<T>> hits = tree.query(new Envelope(at));
        Entry<T> best = null;
        for (Entry<T> e : hits) {
            if ((best == null || e.id() < best.id()) && e.locator().locate(at) != Location.EXTERIOR) {
                best = e;
            }
        }
        return best == null ? null : best.value();
    }
}
