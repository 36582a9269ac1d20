package org.partymap.grid.edit;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.partymap.grid.StreetBlockPolygonizer;

/**
 * What resolving an edit may need to know beyond the community's grids, read from the database
 * when asked (within the edit's transaction).
 */
public interface EditContext {

    /** The community's street blocks, cut by streets of every class. */
    StreetBlockPolygonizer.Blocks blocks();

    /** Street centre lines in and near the community (lon/lat), to snap to. */
    List<LineString> streets();

    /** The households of the addresses inside a shape (lon/lat). */
    double households(Geometry shape);

    /** A stored version of a grid, live or retired. */
    Optional<GridVersion> version(int grid, int version);

    /** The newest version of a grid, live or retired (a retired grid's newest is its retirement). */
    Optional<GridVersion> latest(int grid);

    /** The number of the community's next grid code: one more than any its grids ever had. */
    int nextNumber();

    /** A version of a grid from {@code grid_version}. */
    record GridVersion(int grid, String code, int version, String operation, int communityId, Geometry geom,
                       GridAttributes attributes) {
    }
}
