package org.partymap.grid.edit;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * A pending edit of a community's grids, as a planner asked for it (read from JSON by {@link
 * EditReader}). Coordinates are lon/lat. {@link #namedGrid()} is a grid the edit is about, or
 * {@link #namedCommunity()} the community, so that the service can find the community and check scope.
 */
public sealed interface GridEdit {

    /** The edit's kind, as stored in {@code grid_change.operation}. */
    String operation();

    /** The community named by the edit, or null when it is found from {@link #namedGrid()}. */
    default Integer namedCommunity() {
        return null;
    }

    /** A grid the edit is about (null when it names the community). */
    default Integer namedGrid() {
        return null;
    }

    /** Move the street blocks that contain {@code points} from grid {@code from} to its neighbour {@code to}. */
    record MoveBlocks(int from, int to, List<Coordinate> points) implements GridEdit {
        public String operation() {
            return "move_blocks";
        }

        public Integer namedGrid() {
            return from;
        }
    }

    /**
     * Split a grid along a line (snapped within {@code snapMetres}). The part containing {@code keep}
     * (null: the larger) keeps the grid's code and branch; the other becomes a new grid named
     * {@code name} (null: 第N网格 after its number).
     */
    record Split(int grid, LineString line, Coordinate keep, String name, double snapMetres) implements GridEdit {
        public String operation() {
            return "split";
        }

        public Integer namedGrid() {
            return grid;
        }
    }

    /** Merge {@code other} into {@code grid}: {@code grid} keeps its code and branch, {@code other} is retired. */
    record Merge(int grid, int other) implements GridEdit {
        public String operation() {
            return "merge";
        }

        public Integer namedGrid() {
            return grid;
        }
    }

    /** Move boundary vertices of a community's grids: a vertex shared by grids moves in all of them. */
    record Redraw(int community, List<VertexMove> moves, double snapMetres) implements GridEdit {
        public String operation() {
            return "redraw";
        }

        public Integer namedCommunity() {
            return community;
        }
    }

    /** One dragged vertex: where it was (a vertex, or a point on an edge to add one) and where it goes. */
    record VertexMove(Coordinate from, Coordinate to) {
    }

    /** Draw a grid's boundary anew; its neighbours give way and take what it gives up. */
    record Reshape(int grid, Geometry geometry, double snapMetres) implements GridEdit {
        public String operation() {
            return "reshape";
        }

        public Integer namedGrid() {
            return grid;
        }
    }

    /** Set a grid's name, kind, branch, leader, contacts and duties (all of them, as the form sends them). */
    record SetAttributes(int grid, GridAttributes attributes) implements GridEdit {
        public String operation() {
            return "attributes";
        }

        public Integer namedGrid() {
            return grid;
        }
    }

    /**
     * Accept some or all of the grids of a generated proposal: each accepted shape becomes a grid,
     * the current grids give way (see {@link ProposalAcceptance}).
     */
    record AcceptProposal(int community, List<Geometry> grids) implements GridEdit {
        public String operation() {
            return "proposal";
        }

        public Integer namedCommunity() {
            return community;
        }
    }

    /** Restore grids to earlier versions (shape and attributes), as new versions. */
    record Revert(List<Target> targets) implements GridEdit {
        public String operation() {
            return "revert";
        }

        public Integer namedGrid() {
            return targets.get(0).grid();
        }
    }

    /** A grid and the version of it to restore. */
    record Target(int grid, int version) {
    }
}
