package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Cuts a grid in two along a line: the grid's boundary and the line are noded together (at the
 * storage precision) and polygonised; the faces inside the grid are its parts. A line must cross
 * the grid once, from boundary to boundary, so that there are exactly two.
 */
final class GridSplitter {

    private GridSplitter() {
    }

    /** The two parts, the one containing {@code keep} first (or, without {@code keep}, the larger). */
    static List<Geometry> split(Geometry grid, LineString line, Coordinate keep) {
        Geometry noded = OverlayNG.overlay(grid.getBoundary(), line, OverlayNG.UNION, Shapes.PRECISION);
        var polygonizer = new Polygonizer();
        polygonizer.add(noded);
        var locator = new IndexedPointInAreaLocator(grid);
        var faces = new ArrayList<Geometry>();
        for (Object o : polygonizer.getPolygons()) {
            Polygon face = (Polygon) o;
            if (face.getArea() > 0 && locator.locate(face.getInteriorPoint().getCoordinate()) == Location.INTERIOR) {
                faces.add(face);
            }
        }
        if (faces.size() != 2) {
            throw new EditRefused(Finding.at("split-line", "分割线须从网格边界的一侧穿到另一侧且只穿过一次，现在把网格分成了 " + faces.size()
                    + " 块 (the line must cross the grid once, from boundary to boundary; it makes " + faces.size() + " parts)",
                    null, line));
        }
        faces.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
        if (keep != null && faces.get(1).covers(Shapes.FACTORY.createPoint(keep))) {
            faces.add(faces.remove(0));
        }
        return faces;
    }
}
