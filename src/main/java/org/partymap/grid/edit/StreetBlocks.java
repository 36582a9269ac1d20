package org.partymap.grid.edit;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.partymap.grid.StreetBlockPolygonizer;
import org.partymap.street.StreetClass;

/**
 * The street blocks (街区) of communities, cut by streets of every class, kept between requests:
 * polygonising a community takes longer than the rest of an edit. An entry is used again only
 * while the community's boundary and its streets are exactly what they were (a fingerprint of
 * every coordinate and class).
 */
public final class StreetBlocks {

    private final StreetBlockPolygonizer polygonizer = StreetBlockPolygonizer.lonLat();
    private final Map<Integer, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(long fingerprint, StreetBlockPolygonizer.Blocks blocks) {
    }

    public StreetBlockPolygonizer.Blocks of(CommunityState community, List<StreetBlockPolygonizer.StreetLine> streets) {
        long fingerprint = fingerprint(community.geom(), streets);
        Entry e = cache.get(community.id());
        if (e != null && e.fingerprint() == fingerprint) {
            return e.blocks();
        }
        var blocks = polygonizer.polygonize(community.geom(), streets, EnumSet.allOf(StreetClass.class));
        cache.put(community.id(), new Entry(fingerprint, blocks));
        return blocks;
    }

    private static long fingerprint(Geometry area, List<StreetBlockPolygonizer.StreetLine> streets) {
        long h = 1125899906842597L;
        h = mix(h, area);
        for (var s : streets) {
            h = 31 * h + s.id();
            h = 31 * h + s.streetClass().ordinal();
            h = mix(h, s.line());
        }
        return h;
    }

    private static long mix(long h, Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            h = 31 * h + Double.doubleToLongBits(c.x);
            h = 31 * h + Double.doubleToLongBits(c.y);
        }
        return h;
    }
}
