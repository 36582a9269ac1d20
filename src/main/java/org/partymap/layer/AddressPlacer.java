package org.partymap.layer;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.partymap.geocode.Candidate;
import org.partymap.geocode.Matcher;

/**
 * Places features that came with an address instead of a point, with the same matcher as
 * {@code /api/geocode}. Only a confident match ({@link Candidate#CONFIDENT}: right to within 100 m)
 * is taken; anything less is a problem of that feature, naming the best guess, so that a
 * station is never put at a street's middle or an estate's centre by mistake. The gazetteer is
 * loaded on the first address, not before.
 */
final class AddressPlacer {

    private final Supplier<Matcher> source;
    private Matcher matcher;
    private int placed;

    AddressPlacer(Supplier<Matcher> source) {
        this.source = source;
    }

    /** The point for the feature's address (WGS-84), or null after recording why there is none. */
    Geometry place(Props props) {
        String address = props.required("address", 200);
        if (address.isEmpty()) {
            return null;
        }
        if (matcher == null) {
            matcher = source.get();
        }
        List<Candidate> found = matcher.match(address, 1);
        if (found.isEmpty()) {
            props.problem("the address '" + address + "' matches no place in the gazetteer; give lon and lat");
            return null;
        }
        Candidate best = found.get(0);
        if (!best.confident()) {
            props.problem(String.format(Locale.ROOT,
                    "the address '%s' cannot be placed with confidence (best: %s at %s level, score %.2f, below %.1f); give lon and lat",
                    address, best.address(), best.level().code(), best.score(), Candidate.CONFIDENT));
            return null;
        }
        placed++;
        return LayerFileReader.FACTORY.createPoint(new Coordinate(best.lon(), best.lat()));
    }

    int placed() {
        return placed;
    }
}
