package org.partymap.demo;

import org.locationtech.jts.geom.LineString;
import org.partymap.street.StreetClass;

/**
 * One named street as planned, in metres on the local plane, drawn in the direction its house
 * numbers rise (south to north, west to east). Its name is given once the areas are known.
 */
final class PlannedLine {

    /** Why a line is there; the class follows from it. */
    enum Role {
        FRAME(StreetClass.AXIS), AXIS(StreetClass.AXIS), DIAGONAL(StreetClass.AXIS), BANK(StreetClass.MAIN),
        MAIN(StreetClass.MAIN), SECONDARY(StreetClass.SECONDARY), LANE(StreetClass.LANE);

        final StreetClass streetClass;

        Role(StreetClass streetClass) {
            this.streetClass = streetClass;
        }
    }

    final int id;
    final Role role;
    final LineString geom;
    String name;

    PlannedLine(int id, Role role, LineString geom, String name) {
        this.id = id;
        this.role = role;
        this.geom = geom;
        this.name = name;
    }

    StreetClass streetClass() {
        return role.streetClass;
    }
}
