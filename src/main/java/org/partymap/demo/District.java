package org.partymap.demo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.partymap.demo.StreetNetwork.Segment;
import org.partymap.grid.StreetBlockPolygonizer;

/**
 * The generated district in memory, filled in phase by phase: blocks and what stands on them,
 * then subdistricts, communities, grids, party groups, stations. Geometry is lon/lat rounded to 7
 * decimals unless a field says metres. Ids are given in the order things are made, which is
 * deterministic, and are the ids written to the database.
 */
final class District {

    StreetNetwork network;
    Geometry canal;
    String canalName;
    final List<Block> blocks = new ArrayList<>();
    final List<Site> sites = new ArrayList<>();
    final List<Building> buildings = new ArrayList<>();
    final List<Address> addresses = new ArrayList<>();
    final List<Area> subdistricts = new ArrayList<>();
    final List<Area> communities = new ArrayList<>();
    final List<Grid> grids = new ArrayList<>();
    final List<PartyGroup> partyGroups = new ArrayList<>();
    final List<MemberHousehold> memberHouseholds = new ArrayList<>();
    final List<Station> stations = new ArrayList<>();
    /** The nine duties of every grid leader. */
    List<String> duties = List.of();

    /** What a street block is used for. */
    enum Use {
        OLD_TOWN, OLD_ESTATE, NEW_ESTATE, VILLA, RESETTLEMENT, OFFICE, MARKET, COMMERCIAL, INSTITUTION, SCHOOL, HEALTH, PARK, FACTORY,
        FARMLAND, VACANT, WATER;

        boolean residential() {
            return this == OLD_TOWN || this == OLD_ESTATE || this == NEW_ESTATE || this == VILLA || this == RESETTLEMENT;
        }

        boolean dedicated() {
            return this == OFFICE || this == MARKET;
        }
    }

    /** The side of a street a block lies on, looking along the street's direction. */
    record Side(Segment segment, boolean left) {
    }

    /** A street block: a face of the whole street network. */
    static final class Block {
        final int index;
        final Polygon polygon;
        final Polygon metres;
        final Coordinate interior;
        final double areaM2;
        final List<Side> sides = new ArrayList<>();
        Use use;
        Site site;
        final List<Building> buildings = new ArrayList<>();
        int households;
        Area community;
        Grid grid;

        Block(StreetBlockPolygonizer.Block b) {
            this.index = b.index();
            this.polygon = b.polygon();
            this.metres = (Polygon) LocalPlane.toMetres(b.polygon());
            this.interior = b.interiorPoint();
            this.areaM2 = b.areaM2();
        }
    }

    /** A named site: an estate (小区), an office tower, a market, a school, a park, a factory. */
    static final class Site {
        int id;
        final Use use;
        final Block block;
        Geometry polygon;
        String name;
        /** Old estate, new estate, ... for names; null for non-residential sites. */
        String style;
        /** Other names people use for it (万方小区 for 万方花园). */
        List<String> aliases = List.of();
        Address gate;

        Site(Use use, Block block) {
            this.use = use;
            this.block = block;
        }

        String estateKind() {
            return switch (use) {
                case OFFICE, INSTITUTION -> "office";
                case MARKET, COMMERCIAL -> "market";
                case SCHOOL, HEALTH, PARK -> "public";
                case FACTORY, FARMLAND, VACANT, WATER -> "mixed";
                default -> "residential";
            };
        }
    }

    /** A building with its footprint. */
    static final class Building {
        int id;
        final Block block;
        final Site site;
        final String kind;
        final int floors;
        final int units;
        final Polygon polygon;
        String number;
        int households;
        final List<Address> addresses = new ArrayList<>();
        PartyGroup group;

        Building(Block block, Site site, String kind, int floors, int units, Polygon polygon) {
            this.block = block;
            this.site = site;
            this.kind = kind;
            this.floors = floors;
            this.units = units;
            this.polygon = polygon;
        }

        /** 3幢 in a site; a building along a street is called by its first street address. */
        String name() {
            return number != null ? number + "幢" : addresses.get(0).full;
        }
    }

    /**
     * A standard address: a unit of an estate building (万方花园3幢2单元), or a house number on a
     * street (人民路12号, 人民路12-1号). Road addresses know their street, side and number before
     * the street has its name; the text is written once it has.
     */
    static final class Address {
        int id;
        final Block block;
        final Building building;
        final Site site;
        final int unit;
        final Side side;
        final int number;
        int sub;
        final int households;
        final Coordinate point;
        String full;

        Address(Block block, Building building, Site site, int unit, Side side, int number, int households, Coordinate point) {
            this.block = block;
            this.building = building;
            this.site = site;
            this.unit = unit;
            this.side = side;
            this.number = number;
            this.households = households;
            this.point = point;
        }

        boolean onRoad() {
            return side != null;
        }

        String road() {
            return onRoad() ? side.segment().line.name : null;
        }

        String houseNumber() {
            return onRoad() ? (sub == 0 ? Integer.toString(number) : number + "-" + sub) : null;
        }
    }

    /** A subdistrict (街道) or a community (社区). */
    static final class Area {
        int id;
        String code;
        String name;
        Geometry polygon;
        Area parent;
        final List<Block> blocks = new ArrayList<>();
        int households;
    }

    /** A grid (网格) and its party branch. */
    static final class Grid {
        int id;
        String code;
        String name;
        Area community;
        Geometry polygon;
        final List<Block> blocks = new ArrayList<>();
        String dedicatedTo;
        String leaderName;
        String leaderPhone;
        String contacts;
        int households;
        Station station;

        String branchName() {
            return community.name + name + "党支部";
        }
    }

    /** A 楼栋党小组 and the buildings it covers. */
    static final class PartyGroup {
        int id;
        Grid grid;
        String name;
        String leaderName;
        int members;
        final List<Building> buildings = new ArrayList<>();
    }

    /** A 党员中心户: a household (an address and a room) a party group relies on. */
    record MemberHousehold(int id, PartyGroup group, Address address, String room) {
    }

    /** A service post or room. */
    static final class Station {
        int id;
        String kind;
        String name;
        String address;
        String hours;
        String phone;
        List<String> services;
        Area community;
        Grid grid;
        Coordinate point;
    }
}
