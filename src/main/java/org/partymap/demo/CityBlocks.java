package org.partymap.demo;

import java.util.EnumSet;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.partymap.demo.District.Block;
import org.partymap.demo.District.Side;
import org.partymap.demo.StreetNetwork.Segment;
import org.partymap.grid.StreetBlockPolygonizer;
import org.partymap.street.StreetClass;

/**
 * Cuts the whole district into its street blocks with the same polygoniser the grids use, and
 * records for each block the street segments around it and on which side of them it lies (which
 * decides whether its house numbers are odd or even). A lane that ends blind inside a block has
 * the block on both its sides.
 */
final class CityBlocks {

    private CityBlocks() {
    }

    static void build(District d) {
        StreetNetwork net = d.network;
        var blocks = StreetBlockPolygonizer.lonLat().polygonize(net.district, net.streetLines(), EnumSet.allOf(StreetClass.class));
        for (var b : blocks.blocks()) {
            d.blocks.add(new Block(b));
        }
        boolean[] bounding = new boolean[net.segments.size() + 1];
        for (var e : blocks.edges()) {
            if (e.street() < 0) {
                continue;
            }
            bounding[(int) e.street()] = true;
            Segment s = net.segments.get((int) e.street() - 1);
            boolean sameDirection = e.line().getCoordinateN(0).equals2D(s.geom.getCoordinateN(0));
            if (e.left() >= 0) {
                d.blocks.get(e.left()).sides.add(new Side(s, sameDirection));
            }
            if (e.right() >= 0) {
                d.blocks.get(e.right()).sides.add(new Side(s, !sameDirection));
            }
        }
        var index = new STRtree();
        for (Block b : d.blocks) {
            index.insert(b.polygon.getEnvelopeInternal(), b);
        }
        for (Segment s : net.segments) {
            if (bounding[s.id]) {
                continue;
            }
            Coordinate mid = s.geom.getCentroid().getCoordinate();
            Coordinate probe = s.geom.getCoordinateN(s.geom.getNumPoints() / 2);
            for (Object o : index.query(s.geom.getEnvelopeInternal())) {
                Block b = (Block) o;
                var locator = new IndexedPointInAreaLocator(b.polygon);
                if (locator.locate(mid) == Location.INTERIOR || locator.locate(probe) == Location.INTERIOR) {
                    b.sides.add(new Side(s, true));
                    b.sides.add(new Side(s, false));
                    break;
                }
            }
        }
    }
}
