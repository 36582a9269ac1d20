package org.partymap.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.partymap.db.CopyRows;
import org.partymap.db.Sql;
import org.partymap.grid.GridHistory;
import org.partymap.demo.District.Address;
import org.partymap.demo.District.Building;
import org.partymap.demo.District.Grid;
import org.partymap.demo.District.Site;
import org.partymap.demo.District.Station;

/**
 * Writes the generated district into the database with COPY (the PostgreSQL driver's
 * CopyManager, reached through the pool's connection), in the order the foreign keys need, with
 * the generator's ids; then moves the id sequences past them and links each grid to the station
 * that serves it. The rows are built first, apart from the database, so that they can be digested.
 */
final class DistrictWriter {

    /** One table's rows in COPY text format. */
    record Table(String name, String columns, CopyRows rows) {
    }

    static final List<String> OWNED = List.of("subdistrict", "community", "grid", "grid_version", "street", "estate",
            "party_group", "building", "address", "member_household", "station", "waterway");

    private static final String GRID_STATIONS = """
            UPDATE grid g SET station_id = s.station
              FROM unnest(?::int[], ?::int[]) AS s(grid, station)
             WHERE g.id = s.grid""";

    private DistrictWriter() {
    }

    static List<Table> tables(District d) {
        var out = new ArrayList<Table>();
        var rows = new CopyRows();
        for (var s : d.subdistricts) {
            rows.field(s.id).field(s.code).field(s.name).multi(valid(s.polygon)).end();
        }
        out.add(new Table("subdistrict", "id, code, name, geom", rows));
        rows = new CopyRows();
        for (var c : d.communities) {
            rows.field(c.id).field(c.code).field(c.name).field(c.parent.id).multi(valid(c.polygon)).end();
        }
        out.add(new Table("community", "id, code, name, subdistrict_id, geom", rows));
        rows = new CopyRows();
        for (Grid g : d.grids) {
            rows.field(g.id).field(g.code).field(g.community.id).field(g.dedicatedTo == null ? "comprehensive" : "dedicated")
                    .field(g.dedicatedTo).field(g.name).field(g.branchName()).field(g.leaderName).field(g.leaderPhone)
                    .field(g.contacts).field(d.duties).field("demo").multi(valid(g.polygon)).end();
        }
        out.add(new Table("grid", "id, code, community_id, kind, dedicated_to, name, branch_name, leader_name, leader_phone, "
                + "contacts, duties, updated_by, geom", rows));
        rows = new CopyRows();
        for (var s : d.network.segments) {
            int[] r = HouseNumbers.ranges(s);
            rows.field(s.id).field(s.line.name).field(s.streetClass().code());
            for (int i = 0; i < 4; i++) {
                rows.field(r == null ? null : r[i]);
            }
            rows.field(s.geom).end();
        }
        out.add(new Table("street", "id, name, class, left_from, left_to, right_from, right_to, geom", rows));
        rows = new CopyRows();
        for (Site s : d.sites) {
            rows.field(s.id).field(s.name).field(s.estateKind()).field(s.block.community.id).field(s.aliases)
                    .multi(valid(s.polygon)).end();
        }
        out.add(new Table("estate", "id, name, kind, community_id, aliases, geom", rows));
        rows = new CopyRows();
        for (var p : d.partyGroups) {
            rows.field(p.id).field(p.grid.id).field(p.name).field(p.leaderName).field(p.members).end();
        }
        out.add(new Table("party_group", "id, grid_id, name, leader_name, members", rows));
        rows = new CopyRows();
        for (Building b : d.buildings) {
            rows.field(b.id).field(b.site == null ? null : b.site.id).field(b.group == null ? null : b.group.id)
                    .field(b.block.grid.id).field(b.name()).field(b.number).field(b.kind).field(b.floors).field(b.units)
                    .field(valid(b.polygon)).end();
        }
        out.add(new Table("building", "id, estate_id, party_group_id, grid_id, name, number, kind, floors, units, geom", rows));
        rows = new CopyRows();
        for (Address a : d.addresses) {
            rows.field(a.id).field(a.full).field(a.onRoad() ? a.road() : null).field(a.houseNumber())
                    .field(a.site == null ? null : a.site.id).field(a.building == null ? null : a.building.id)
                    .field(a.onRoad() ? a.side.segment().id : null).field(a.onRoad() ? null : Integer.toString(a.unit))
                    .field(a.households).field(a.block.grid.id).field(LocalPlane.LON_LAT.createPoint(a.point)).end();
        }
        out.add(new Table("address", "id, full_address, road, house_number, estate_id, building_id, street_id, unit, "
                + "households, grid_id, geom", rows));
        rows = new CopyRows();
        for (var m : d.memberHouseholds) {
            rows.field(m.id()).field(m.group().id).field(m.address().id).field(m.room()).end();
        }
        out.add(new Table("member_household", "id, party_group_id, address_id, room", rows));
        rows = new CopyRows();
        for (Station s : d.stations) {
            rows.field(s.id).field(s.kind).field(s.name).field(s.address).field(s.hours).field(s.phone).field(s.services)
                    .field(s.community.id).field(s.grid.id).field(LocalPlane.LON_LAT.createPoint(s.point)).end();
        }
        out.add(new Table("station", "id, kind, name, address, hours, phone, services, community_id, grid_id, geom", rows));
        rows = new CopyRows();
        rows.field(1).field(d.canalName).field("canal").multi(valid(d.canal)).end();
        out.add(new Table("waterway", "id, name, kind, geom", rows));
        return out;
    }

    /** COPYs every table, moves the id sequences on, links grids to their stations and records them. */
    static void write(Connection c, District d, List<Table> tables) throws SQLException {
        for (Table t : tables) {
            t.rows().copyInto(c, t.name(), t.columns());
            Sql.one(c, "SELECT setval(pg_get_serial_sequence(?, 'id'), greatest(1, (SELECT max(id) FROM " + t.name() + ")))",
                    rs -> rs.getLong(1), t.name());
        }
        Integer[] grids = d.grids.stream().map(g -> g.id).toArray(Integer[]::new);
        Integer[] stations = d.grids.stream().map(g -> g.station.id).toArray(Integer[]::new);
        Sql.update(c, GRID_STATIONS, grids, stations);
        for (Grid g : d.grids) {
            GridHistory.record(c, g.id, "generate", "示范区生成 (demo district generated)", "demo");
        }
    }

    /** Rounding to 7 decimals can, very rarely, pinch a small polygon; mend it if so. */
    private static Geometry valid(Geometry g) {
        if (g.isValid()) {
            return g;
        }
        Geometry fixed = GeometryFixer.fix(g);
        if (!(fixed instanceof Polygonal) || fixed.isEmpty()) {
            throw new IllegalStateException("cannot mend a generated polygon: " + g);
        }
        return fixed;
    }
}
