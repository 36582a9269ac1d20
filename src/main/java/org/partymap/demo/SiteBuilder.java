package org.partymap.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.partymap.demo.District.Address;
import org.partymap.demo.District.Block;
import org.partymap.demo.District.Building;
import org.partymap.demo.District.Side;
import org.partymap.demo.District.Site;
import org.partymap.demo.District.Use;
import org.partymap.street.StreetClass;

/**
 * Builds what stands on each block, as its use says: estates as rows of slabs facing south with an
 * address per unit and a gate on the biggest street; shops along main streets with a house number
 * per shopfront (flats above some); courtyard houses along the old town's lanes; towers, market
 * halls, schools, clinics and factories on pads; farmhouses along country roads.
 */
final class SiteBuilder {

    /** How an estate's slabs are built. */
    private record Slabs(String style, double depth, double unitWidth, int minUnits, int maxUnits, double pitch, double gap,
                         int minFloors, int maxFloors, int perFloor, boolean onePerUnit, int minSlabs, int maxSlabs) {
    }

    /**
     * No block holds more households than this: a grid is made of whole blocks, and a planner's
     * grid of 300-500 households cannot be cut from a block of 1,200.
     */
    static final int MAX_BLOCK_HOUSEHOLDS = 640;

    private final District d;
    private final CityZones zones;
    private final SplittableRandom rnd;

    SiteBuilder(District d, CityZones zones, SplittableRandom rnd) {
        this.d = d;
        this.zones = zones;
        this.rnd = rnd;
    }

    void build() {
        for (Block b : d.blocks) {
            var lay = new BlockLayout(b, rnd);
            double u = zones.urbanity(LocalPlane.x(b.interior.x), LocalPlane.y(b.interior.y));
            switch (b.use) {
                case OLD_TOWN -> oldTown(b, lay);
                case OLD_ESTATE -> estate(b, lay, u, new Slabs("old", 11, 13, 2, 3, 30, 9, 4, 5, 2, false, 5, 17));
                case NEW_ESTATE -> estate(b, lay, u, rnd.nextDouble() < 0.92
                        ? new Slabs("new", 14, 16, 2, 2, 44, 16, 5, 8, 2, false, 4, 13)
                        : new Slabs("new", 16, 18, 1, 2, 62, 24, 18, 26, 3, false, 3, 10));
                case VILLA -> estate(b, lay, u, new Slabs("villa", 12, 9, 3, 5, 26, 8, 3, 3, 1, true, 12, 40));
                case RESETTLEMENT -> estate(b, lay, u, new Slabs("resettlement", 12, 14, 2, 3, 32, 10, 5, 6, 2, false, 4, 11));
                case OFFICE -> pads(b, lay, u, 38, 28, 1 + rnd.nextInt(3), 22, "office", 16, 32);
                case MARKET -> pads(b, lay, u, 70, 45, 1, 15, "market", 1, 2);
                case COMMERCIAL -> pads(b, lay, u, 80 + rnd.nextInt(40), 50 + rnd.nextInt(20), 1 + rnd.nextInt(2), 20, "market", 3, 6);
                case INSTITUTION -> pads(b, lay, u, 50, 18, 2 + rnd.nextInt(4), 16, "office", 4, 9);
                case SCHOOL -> pads(b, lay, u, 60, 16, 2 + rnd.nextInt(3), 18, "public", 4, 5);
                case HEALTH -> pads(b, lay, u, 45, 20, 1 + rnd.nextInt(2), 15, "public", 4, 8);
                case FACTORY -> pads(b, lay, 0, 60 + rnd.nextInt(40), 30 + rnd.nextInt(15), 2 + rnd.nextInt(3), 15, "other", 1, 3);
                case PARK -> park(b, lay);
                case FARMLAND -> farmhouses(b, lay);
                case VACANT, WATER -> {
                }
            }
            b.households = b.buildings.stream().mapToInt(x -> x.households).sum();
        }
    }

    /** Shops along the block's main streets (and secondary ones downtown); flats above some. */
    private void shops(Block b, BlockLayout lay, double u) {
        StreetClass lowest = u > 0.45 ? StreetClass.SECONDARY : StreetClass.MAIN;
        for (var f : lay.frontage(s -> s.segment().streetClass().compareTo(lowest) >= 0 && !s.segment().bridge,
                14, 16, 42, 3, 9, 9, 16)) {
            int floors = rnd.nextInt(2, u > 0.6 ? 7 : 5);
            boolean flats = floors >= 3 && rnd.nextDouble() < 0.3;
            Building bd = building(b, null, flats ? "residential" : "market", floors, 1, f.polygon());
            for (int i = 0; i < f.doors().size(); i++) {
                road(b, bd, null, f.side(), f.along().get(i), flats ? 1 : 0, f.doors().get(i));
            }
        }
    }

    private void oldTown(Block b, BlockLayout lay) {
        for (var f : lay.frontage(s -> !s.segment().bridge, 10, 7, 13, 0, 2.5, 14, 6)) {
            int floors = rnd.nextDouble() < 0.6 ? 1 : 2;
            Building bd = building(b, null, "residential", floors, 1, f.polygon());
            road(b, bd, null, f.side(), f.along().get(0), floors == 2 && rnd.nextDouble() < 0.5 ? 2 : 1, f.doors().get(0));
        }
        if (lay.buildableArea() > 9000) {
            estate(b, lay, 1, new Slabs("old", 11, 13, 2, 3, 30, 9, 4, 5, 2, false, 3, 8));
        }
    }

    private void estate(Block b, BlockLayout lay, double u, Slabs spec) {
        if (b.use != Use.OLD_TOWN) {
            shops(b, lay, u);
        }
        var slabs = lay.rows(spec.depth, spec.unitWidth, spec.minUnits, spec.maxUnits, spec.pitch, spec.gap, 7,
                rnd.nextInt(spec.minSlabs, spec.maxSlabs + 1));
        if (slabs.isEmpty()) {
            return;
        }
        Site site = site(b.use == Use.OLD_TOWN ? Use.OLD_ESTATE : b.use, b);
        site.style = spec.style;
        int n = 0;
        int floors = rnd.nextInt(spec.minFloors, spec.maxFloors + 1);
        int households = b.buildings.stream().mapToInt(x -> x.households).sum();
        for (var slab : slabs) {
            if (rnd.nextDouble() < 0.25) {
                floors = rnd.nextInt(spec.minFloors, spec.maxFloors + 1);
            }
            int units = slab.entrances().size();
            households += units * (spec.onePerUnit ? 1 : floors * spec.perFloor);
            if (households > MAX_BLOCK_HOUSEHOLDS && n > 0) {
                break;
            }
            Building bd = building(b, site, "residential", floors, units, slab.polygon());
            bd.number = Integer.toString(++n);
            for (int i = 0; i < units; i++) {
                int hh = spec.onePerUnit ? 1 : floors * spec.perFloor;
                Address a = new Address(b, bd, site, i + 1, null, 0, hh, LocalPlane.toLonLat(slab.entrances().get(i)));
                add(a, bd);
            }
        }
        outline(site, lay);
        gate(b, site, lay);
        if (b.use != Use.OLD_TOWN && rnd.nextDouble() < 0.3) {
            kindergarten(b, lay);
        }
    }

    /** A kindergarten beside an estate: a site of its own in the same block. */
    private void kindergarten(Block b, BlockLayout lay) {
        var pads = lay.pads(36, 18, 1, 12);
        if (pads.isEmpty()) {
            return;
        }
        Site site = site(Use.SCHOOL, b);
        site.style = "kindergarten";
        Building bd = building(b, site, "public", 3, 1, pads.get(0));
        bd.number = "1";
        Side side = biggestSide(b);
        if (side != null) {
            Coordinate door = pads.get(0).getCentroid().getCoordinate();
            site.gate = road(b, bd, site, side, along(side, door), 0, door);
        }
        outline(site, lay);
    }

    /** Towers, halls, schools, clinics, sheds: a site of a few big buildings with a street address each. */
    private void pads(Block b, BlockLayout lay, double u, double w, double h, int count, double clearance, String kind,
                      int minFloors, int maxFloors) {
        if (b.use == Use.OFFICE || b.use == Use.MARKET || b.use == Use.COMMERCIAL) {
            shops(b, lay, u);
        }
        var pads = lay.pads(w, h, count, clearance);
        if (pads.isEmpty()) {
            return;
        }
        Site site = site(b.use, b);
        int n = 0;
        for (Polygon p : pads) {
            Building bd = building(b, site, kind, rnd.nextInt(minFloors, maxFloors + 1), 1, p);
            bd.number = Integer.toString(++n);
            Side side = biggestSide(b);
            if (side != null && (b.use == Use.OFFICE || b.use == Use.MARKET || n == 1)) {
                Coordinate door = p.getCentroid().getCoordinate();
                Address a = road(b, bd, site, side, along(side, door), 0, door);
                if (site.gate == null) {
                    site.gate = a;
                }
            }
        }
        outline(site, lay);
    }

    private void park(Block b, BlockLayout lay) {
        if (b.areaM2 < 15000) {
            return;
        }
        Site site = site(Use.PARK, b);
        var pavilions = lay.pads(18, 12, 1, 10);
        for (Polygon p : pavilions) {
            building(b, site, "public", 1, 1, p).number = "1";
        }
        site.polygon = LocalPlane.toLonLat(lay.buildable());
        gate(b, site, lay);
    }

    private void farmhouses(Block b, BlockLayout lay) {
        if (rnd.nextDouble() < 0.4) {
            return;
        }
        for (var f : lay.frontage(s -> !s.segment().bridge, 11, 9, 13, 15, 45, 13, 20)) {
            Building bd = building(b, null, "residential", 2, 1, f.polygon());
            road(b, bd, null, f.side(), f.along().get(0), 1 + rnd.nextInt(2), f.doors().get(0));
        }
    }

    private Site site(Use use, Block b) {
        Site s = new Site(use, b);
        s.id = d.sites.size() + 1;
        d.sites.add(s);
        if (b.site == null) {
            b.site = s;
        }
        return s;
    }

    private Building building(Block b, Site site, String kind, int floors, int units, Polygon metres) {
        Building bd = new Building(b, site, kind, floors, units, (Polygon) LocalPlane.toLonLat(metres));
        bd.id = d.buildings.size() + 1;
        d.buildings.add(bd);
        b.buildings.add(bd);
        return bd;
    }

    private Address road(Block b, Building bd, District.Site site, Side side, double along, int households, Coordinate doorMetres) {
        Address a = new Address(b, bd, site, 0, side, HouseNumbers.at(along, side.left()), households,
                LocalPlane.toLonLat(doorMetres));
        add(a, bd);
        return a;
    }

    private void add(Address a, Building bd) {
        a.id = d.addresses.size() + 1;
        d.addresses.add(a);
        if (bd != null) {
            bd.addresses.add(a);
            bd.households += a.households;
        }
    }

    /** The estate's outline: its buildings with a margin, inside the buildable part of the block. */
    private static void outline(Site site, BlockLayout lay) {
        var parts = new ArrayList<Geometry>();
        for (var bd : site.block.buildings) {
            if (bd.site == site) {
                parts.add(LocalPlane.toMetres(bd.polygon));
            }
        }
        Geometry hull = LocalPlane.widen(LocalPlane.METRES.buildGeometry(parts).convexHull(), 10);
        site.polygon = LocalPlane.toLonLat(hull.intersection(lay.buildable()));
    }

    /** The estate's gate: a house number on the biggest street along the block. */
    private void gate(Block b, Site site, BlockLayout lay) {
        Side side = biggestSide(b);
        if (side == null) {
            return;
        }
        LineString line = (LineString) LocalPlane.toMetres(side.segment().geom);
        var index = new LengthIndexedLine(line);
        Coordinate mid = index.extractPoint(line.getLength() / 2);
        Coordinate inside = lay.buildable().getInteriorPoint().getCoordinate();
        var nearest = org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(lay.buildable(),
                LocalPlane.METRES.createPoint(mid));
        Coordinate door = nearest[0];
        // one metre further in, so that the gate lies inside the block whatever the rounding
        double dx = inside.x - door.x;
        double dy = inside.y - door.y;
        double len = StrictMath.hypot(dx, dy);
        if (len > 1) {
            door = new Coordinate(door.x + dx / len, door.y + dy / len);
        }
        site.gate = road(b, null, site, side, along(side, door), 0, door);
    }

    /** The side along the block's highest-class street (longest among equals); null if none. */
    static Side biggestSide(Block b) {
        return b.sides.stream().filter(s -> !s.segment().bridge)
                .max(Comparator.comparing((Side s) -> s.segment().streetClass())
                        .thenComparingDouble(s -> s.segment().to - s.segment().from))
                .orElse(null);
    }

    /** Metres from the street's start to the foot of a point on it. */
    static double along(Side side, Coordinate metres) {
        LineString line = (LineString) LocalPlane.toMetres(side.segment().geom);
        return side.segment().from + new LengthIndexedLine(line).project(metres);
    }
}
