package org.partymap.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.partymap.demo.District.Address;
import org.partymap.demo.District.Area;
import org.partymap.demo.District.Grid;
import org.partymap.demo.District.Site;
import org.partymap.demo.District.Station;

/**
 * The service posts and rooms: a 党群服务中心 in each community (at a street address near its
 * middle) with a 图书室 and a 党员活动室 in it; a 网格驿站 in most residential grids (at an estate's
 * gate: 万方花园网格驿站 among them); more 党员活动室 in estates. Each with its address, opening
 * hours, a fictitious phone number and the services the source names.
 */
final class StationBuilder {

    /** Hours and services of a kind of station, from services.csv. */
    private record Offer(String hours, List<String> always, List<String> sometimes) {
    }

    private final District d;
    private final SplittableRandom rnd;
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    StationBuilder(District d, DemoInputs inputs, SplittableRandom rnd) {
        this.d = d;
        this.rnd = rnd;
        for (String[] r : inputs.rows("services.csv")) {
            offers.put(r[0], new Offer(r[1], List.of(r[2].split("\\|")), List.of(r[3].split("\\|"))));
        }
    }

    void build() {
        for (Area c : d.communities) {
            Address home = centreAddress(c);
            Grid grid = home.block.grid;
            add("service_centre", c.name + "党群服务中心", home, home.point, c, grid);
            add("reading_room", c.name + "党群服务中心图书室", home, inside(home), c, grid);
            add("activity_room", c.name + "党员活动室", home, inside(home), c, grid);
        }
        Site wanfang = d.sites.stream().filter(s -> "万方花园".equals(s.name)).findFirst().orElseThrow();
        for (Grid g : d.grids) {
            if (g.dedicatedTo != null) {
                continue;
            }
            Site estate = mainEstate(g, wanfang);
            if (estate == null || g.households < 120 && estate != wanfang) {
                continue;
            }
            Address gate = estate.gate != null ? estate.gate : firstUnit(estate);
            add("grid_station", estate.name + "网格驿站", gate, gate.point, g.community, g);
        }
        for (Grid g : d.grids) {
            int rooms = g.households > 700 ? 2 : g.households > 150 ? 1 : 0;
            List<Site> estates = estates(g);
            for (int i = 0; i < rooms && i < estates.size(); i++) {
                Address a = firstUnit(estates.get(i));
                if (a != null) {
                    add("activity_room", estates.get(i).name + "党员活动室", a, a.point, g.community, g);
                }
            }
        }
        for (Grid g : d.grids) {
            g.station = d.stations.stream().filter(s -> s.grid == g && s.kind.equals("grid_station")).findFirst()
                    .orElseGet(() -> d.stations.stream().filter(s -> s.community == g.community && s.kind.equals("service_centre"))
                            .findFirst().orElseThrow());
        }
    }

    /** The street address with few or no households nearest the middle of the community. */
    private static Address centreAddress(Area c) {
        Coordinate middle = AreaBuilder.middle(c.polygon);
        return addressesOf(c).stream().filter(a -> a.onRoad() && a.households <= 1 && a.block.community == c)
                .min(Comparator.comparingDouble((Address a) -> a.point.distance(middle)).thenComparingInt(a -> a.id))
                .orElseThrow(() -> new IllegalStateException(c.name + " has no street address for its centre"));
    }

    private static List<Address> addressesOf(Area c) {
        var out = new ArrayList<Address>();
        c.blocks.forEach(b -> b.buildings.forEach(bd -> out.addAll(bd.addresses)));
        return out;
    }

    /** The grid's largest residential estate (万方花园 where the grid has it). */
    private static Site mainEstate(Grid g, Site wanfang) {
        var estates = estates(g);
        if (estates.contains(wanfang)) {
            return wanfang;
        }
        return estates.isEmpty() ? null : estates.get(0);
    }

    /** The grid's residential estates, the biggest first. */
    private static List<Site> estates(Grid g) {
        var out = new ArrayList<Site>();
        for (var b : g.blocks) {
            for (var bd : b.buildings) {
                if (bd.site != null && bd.site.use.residential() && !out.contains(bd.site) && bd.site.block.grid == g) {
                    out.add(bd.site);
                }
            }
        }
        out.sort(Comparator.comparingInt((Site s) -> -households(s)).thenComparingInt(s -> s.id));
        return out;
    }

    private static int households(Site s) {
        return s.block.buildings.stream().filter(b -> b.site == s).mapToInt(b -> b.households).sum();
    }

    private static Address firstUnit(Site s) {
        return s.block.buildings.stream().filter(b -> b.site == s).flatMap(b -> b.addresses.stream())
                .filter(a -> !a.onRoad()).findFirst().orElse(null);
    }

    /** A point inside the address's building (a room behind the door), or the door itself. */
    private static Coordinate inside(Address a) {
        return a.building == null ? a.point : a.building.polygon.getInteriorPoint().getCoordinate();
    }

    private void add(String kind, String name, Address address, Coordinate point, Area community, Grid grid) {
        if (!names.add(kind + ":" + name)) {
            return;
        }
        Offer offer = offers.get(kind);
        Station s = new Station();
        s.id = d.stations.size() + 1;
        s.kind = kind;
        s.name = name;
        s.address = address.full;
        s.hours = offer.hours();
        s.phone = People.landline(rnd);
        var services = new ArrayList<>(offer.always());
        for (String x : offer.sometimes()) {
            if (rnd.nextDouble() < 0.4) {
                services.add(x);
            }
        }
        s.services = services;
        s.community = community;
        s.grid = grid;
        s.point = point;
        d.stations.add(s);
    }
}
