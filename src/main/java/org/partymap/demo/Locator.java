package org.partymap.demo;

import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/** Finds which of a set of non-overlapping polygons holds a point (its interior, not its boundary). */
final class Locator<T> {

    private record Entry<T>(T item, IndexedPointInAreaLocator locator) {
    }

    private final STRtree index = new STRtree();

    Locator(List<T> items, Function<T, Geometry> polygon) {
        for (T item : items) {
            Geometry g = polygon.apply(item);
            index.insert(g.getEnvelopeInternal(), new Entry<>(item, new IndexedPointInAreaLocator(g)));
        }
    }

    /** The item whose polygon has {@code p} inside (the polygons do not overlap), or null. */
    @SuppressWarnings("unchecked")
    T find(Coordinate p) {
        List<Object> hits = index.query(new Envelope(p));
        for (Object o : hits) {
            Entry<T> e = (Entry<T>) o;
            if (e.locator.locate(p) == Location.INTERIOR) {
                return e.item;
            }
        }
        return null;
    }
}
