package org.partymap.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.partymap.demo.District.Address;
import org.partymap.demo.District.Building;
import org.partymap.demo.District.Grid;
import org.partymap.demo.District.MemberHousehold;
import org.partymap.demo.District.PartyGroup;
import org.partymap.grid.Apportionment;
import org.partymap.io.ChineseNumerals;

/**
 * Below the grid: the district's party groups (楼栋党小组, 1030 in the source), shared among the
 * grids by households, each covering a run of neighbouring buildings of its grid (an estate's
 * 1-6幢), and for each group one or two party-member central households (党员中心户) at
 * addresses of its buildings.
 */
final class PartyGroupBuilder {

    private final District d;
    private final People people;
    private final SplittableRandom rnd;

    PartyGroupBuilder(District d, People people, SplittableRandom rnd) {
        this.d = d;
        this.people = people;
        this.rnd = rnd;
    }

    void build(int total) {
        var buildings = new ArrayList<List<Building>>();
        for (Grid g : d.grids) {
            var list = new ArrayList<Building>();
            g.blocks.forEach(b -> list.addAll(b.buildings));
            list.sort(Comparator.comparingInt((Building b) -> b.site == null ? Integer.MAX_VALUE : b.site.id)
                    .thenComparingInt(b -> b.id));
            buildings.add(list);
        }
        int[] counts = counts(buildings, total);
        for (int i = 0; i < d.grids.size(); i++) {
            Grid g = d.grids.get(i);
            var chunks = chunks(buildings.get(i), counts[i]);
            for (int c = 0; c < chunks.size(); c++) {
                PartyGroup p = new PartyGroup();
                p.id = d.partyGroups.size() + 1;
                p.grid = g;
                p.buildings.addAll(chunks.get(c));
                p.buildings.forEach(b -> b.group = p);
                p.name = name(g, chunks.get(c), c + 1);
                p.leaderName = people.name(rnd, rnd.nextBoolean(), 1955 + rnd.nextInt(35));
                p.members = 4 + rnd.nextInt(12);
                d.partyGroups.add(p);
                centralHouseholds(p);
            }
        }
    }

    /** Groups per grid: one each where there are buildings, the rest by households. */
    private static int[] counts(List<List<Building>> buildings, int total) {
        int n = buildings.size();
        double[] w = new double[n];
        int[] min = new int[n];
        int[] max = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = weight(buildings.get(i));
            max[i] = buildings.get(i).size();
            min[i] = Math.min(1, max[i]);
        }
        return Apportionment.share(total, w, min, max);
    }

    private static double weight(List<Building> buildings) {
        return buildings.stream().mapToInt(b -> b.households).sum() + buildings.size();
    }

    /** Consecutive runs of buildings with about equal households (and buildings). */
    private static List<List<Building>> chunks(List<Building> buildings, int count) {
        var out = new ArrayList<List<Building>>();
        if (count == 0) {
            return out;
        }
        double total = weight(buildings);
        double done = 0;
        var current = new ArrayList<Building>();
        for (int i = 0; i < buildings.size(); i++) {
            Building b = buildings.get(i);
            current.add(b);
            done += b.households + 1;
            int chunksLeft = count - out.size() - 1;
            int buildingsLeft = buildings.size() - i - 1;
            boolean full = done >= total * (out.size() + 1) / count;
            if (chunksLeft > 0 && (full || buildingsLeft == chunksLeft)) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        out.add(current);
        return out;
    }

    private static String name(Grid g, List<Building> buildings, int ordinal) {
        var site = buildings.get(0).site;
        boolean oneSite = site != null && buildings.stream().allMatch(b -> b.site == site && b.number != null);
        if (oneSite) {
            String first = buildings.get(0).number;
            String last = buildings.get(buildings.size() - 1).number;
            return site.name + (first.equals(last) ? first : first + "-" + last) + "幢党小组";
        }
        return g.community.name + g.name + "第" + ChineseNumerals.of(ordinal) + "党小组";
    }

    /** One or two 党员中心户 at homes in the group's buildings, with the room they live in. */
    private void centralHouseholds(PartyGroup p) {
        var homes = new ArrayList<Address>();
        p.buildings.forEach(b -> b.addresses.stream().filter(a -> a.households > 0).forEach(homes::add));
        int n = homes.isEmpty() ? 0 : Math.min(homes.size(), 1 + rnd.nextInt(2));
        for (int i = 0; i < n; i++) {
            Address a = homes.remove(rnd.nextInt(homes.size()));
            String room = null;
            if (!a.onRoad()) {
                int floor = 1 + rnd.nextInt(a.building.floors);
                room = floor + "0" + (1 + rnd.nextInt(Math.max(1, a.households / a.building.floors)));
            }
            d.memberHouseholds.add(new MemberHousehold(d.memberHouseholds.size() + 1, p, a, room));
        }
    }
}
