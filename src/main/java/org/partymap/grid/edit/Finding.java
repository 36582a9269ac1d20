package org.partymap.grid.edit;

import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Something validation found: its type (a slug such as {@code overlap}), a sentence for the
 * planner (Chinese, with the English after it), the grid it concerns (its id, or the negative key
 * of a grid the edit creates; null for the community) and where it is (lon/lat, may be null).
 */
public record Finding(String type, String detail, Integer grid, Geometry place) {

    static Finding of(String type, String detail) {
        return new Finding(type, detail, null, null);
    }

    static Finding at(String type, String detail, Integer grid, Geometry place) {
        return new Finding(type, detail, grid, place);
    }

    /** Why a grid's shape is not a valid polygon and where (JTS {@link IsValidOp}); empty when it is valid. */
    static Optional<Finding> invalid(Geometry g, Integer grid, String name) {
        TopologyValidationError e = new IsValidOp(g).getValidationError();
        if (e == null) {
            return Optional.empty();
        }
        Coordinate at = e.getCoordinate();
        return Optional.of(at("invalid-geometry", String.format(Locale.ROOT, "%s 的边界无效：%s，位于 (%.7f, %.7f) (the boundary of %s is not a valid polygon: %s)",
                name, chinese(e), at.x, at.y, name, e.getMessage()), grid, Shapes.FACTORY.createPoint(at)));
    }

    private static String chinese(TopologyValidationError e) {
        return switch (e.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION -> "边界自相交";
            case TopologyValidationError.TOO_FEW_POINTS -> "顶点太少";
            case TopologyValidationError.RING_NOT_CLOSED -> "边界没有闭合";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL, TopologyValidationError.NESTED_HOLES,
                 TopologyValidationError.NESTED_SHELLS -> "内外环嵌套错误";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "内部不连通";
            case TopologyValidationError.INVALID_COORDINATE -> "坐标无效";
            default -> "几何无效";
        };
    }
}
