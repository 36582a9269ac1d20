package org.partymap.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Geometry;
import org.partymap.demo.District.Area;
import org.partymap.demo.District.Site;
import org.partymap.demo.District.Use;
import org.partymap.demo.PlannedLine.Role;

/**
 * Names the grown streets and the sites, once the areas are known: a community called "X路社区"
 * gets its X路 among its main streets; other communities lend their name to a street of theirs
 * (盐海社区 → 盐海路) and to their oldest estate (盐海新村); 万方花园 stands in 莲花路社区;
 * everything else takes names from the committed lists, in order. Every street name and every
 * site name is used once.
 */
final class Naming {

    private final District d;
    private final DemoInputs inputs;
    private final SplittableRandom rnd;
    private final Set<String> streets = new HashSet<>();
    private final Set<String> sites = new HashSet<>();
    private final List<String> roadStems;
    private int nextRoadStem;

    Naming(District d, DemoInputs inputs, SplittableRandom rnd) {
        this.d = d;
        this.inputs = inputs;
        this.rnd = rnd;
        this.roadStems = inputs.lines("road_stems.txt");
    }

    void nameAll() {
        nameStreets();
        nameSites();
        aliases();
    }

    // ---- streets -----------------------------------------------------------------------------

    private void nameStreets() {
        for (PlannedLine l : d.network.lines) {
            if (l.name != null) {
                streets.add(l.name);
            }
        }
        for (Area c : d.communities) {
            String stem = c.name.substring(0, c.name.length() - 2);
            if (stem.endsWith("路")) {
                giveStreet(c, stem, Set.of(Role.MAIN));
            }
        }
        for (Area c : d.communities) {
            String stem = c.name.substring(0, c.name.length() - 2);
            if (!stem.endsWith("路") && !streets.contains(stem + "路")) {
                giveStreet(c, stem + "路", Set.of(Role.MAIN, Role.SECONDARY));
            }
        }
        var lanes = new ArrayList<>(inputs.lines("lane_names.txt"));
        int nextLane = 0;
        for (PlannedLine l : d.network.lines) {
            if (l.name != null) {
                continue;
            }
            if (l.role == Role.LANE) {
                while (nextLane < lanes.size() && streets.contains(lanes.get(nextLane))) {
                    nextLane++;
                }
                l.name = nextLane < lanes.size() ? lanes.get(nextLane++) : nextStem("巷");
                streets.add(l.name);
            } else {
                l.name = nextStem(l.role == Role.SECONDARY && rnd.nextDouble() < 0.25 ? "街" : "路");
            }
        }
    }

    /** Names the unnamed line of these roles that runs longest in or along the community. */
    private void giveStreet(Area c, String name, Set<Role> roles) {
        Geometry area = LocalPlane.widen(LocalPlane.toMetres(c.polygon), 15);
        PlannedLine best = null;
        double bestLength = 0;
        for (PlannedLine l : d.network.lines) {
            if (l.name == null && roles.contains(l.role) && l.geom.getEnvelopeInternal().intersects(area.getEnvelopeInternal())) {
                double len = l.geom.intersection(area).getLength();
                if (len > bestLength) {
                    bestLength = len;
                    best = l;
                }
            }
        }
        if (best != null && bestLength > 200) {
            best.name = name;
            streets.add(name);
        }
    }

    /** The next road stem not yet used with this ending. */
    private String nextStem(String ending) {
        for (int tries = 0; tries < 3 * roadStems.size(); tries++) {
            String stem = roadStems.get(nextRoadStem++ % roadStems.size());
            String tail = nextRoadStem > 2 * roadStems.size() ? "东" + ending
                    : nextRoadStem > roadStems.size() ? (ending.equals("路") ? "大道" : "后" + ending) : ending;
            String name = stem + tail;
            if (streets.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("road_stems.txt has too few stems for the streets");
    }

    // ---- sites -------------------------------------------------------------------------------

    private void nameSites() {
        Map<String, List<String>> suffixes = new LinkedHashMap<>();
        for (String[] r : inputs.rows("estate_suffixes.csv")) {
            suffixes.put(r[0], List.of(r[1].split("\\|")));
        }
        Map<String, List<String>> places = new LinkedHashMap<>();
        for (String[] r : inputs.rows("places.csv")) {
            places.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
        }
        Area lotus = d.communities.stream().filter(c -> c.name.equals("莲花路社区")).findFirst().orElseThrow();
        Site wanfang = d.sites.stream()
                .filter(s -> s.block.community == lotus && (s.use == Use.NEW_ESTATE || s.use == Use.OLD_ESTATE))
                .min((a, b) -> Double.compare(distance(a, lotus), distance(b, lotus)))
                .orElseThrow(() -> new IllegalStateException("莲花路社区 has no estate for 万方花园"));
        take(wanfang, "万方花园");
        for (Area c : d.communities) {
            String stem = c.name.substring(0, c.name.length() - 2);
            if (stem.endsWith("路")) {
                continue;
            }
            d.sites.stream().filter(s -> s.name == null && s.block.community == c && "old".equals(s.style))
                    .findFirst().ifPresent(s -> take(s, stem + "新村"));
        }
        var estateStems = inputs.lines("estate_stems.txt");
        int nextEstate = 0;
        var offices = new ArrayList<>(places.get("office"));
        var markets = new ArrayList<>(places.get("market"));
        Set<Area> officeOfSubdistrict = new HashSet<>();
        for (Site s : d.sites) {
            if (s.name != null) {
                continue;
            }
            String stem = stemOf(s);
            switch (s.use) {
                case OLD_ESTATE, NEW_ESTATE, VILLA, RESETTLEMENT, OLD_TOWN -> {
                    List<String> ends = suffixes.get(s.style);
                    while (s.name == null) {
                        String e = estateStems.get(nextEstate++ % estateStems.size());
                        String name = e + ends.get(rnd.nextInt(ends.size()));
                        if (!sites.contains(name)) {
                            take(s, name);
                        }
                    }
                }
                case OFFICE -> take(s, offices.isEmpty() ? unique(stem + "商务楼") : offices.remove(0));
                case MARKET -> take(s, markets.isEmpty() ? unique(stem + "农贸市场") : markets.remove(0));
                case SCHOOL -> {
                    String estate = s.block.site != null && s.block.site != s ? s.block.site.name : null;
                    take(s, "kindergarten".equals(s.style) && estate != null && !sites.contains(estate + "幼儿园")
                            ? estate + "幼儿园" : pattern(places.get("school"), stem));
                }
                case HEALTH -> take(s, sites.contains(stem + "社区卫生服务中心") ? pattern(List.of("{stem}卫生服务站"), stem)
                        : stem + "社区卫生服务中心");
                case INSTITUTION -> {
                    Area sub = s.block.community.parent;
                    if (officeOfSubdistrict.add(sub)) {
                        take(s, sub.name + "办事处");
                    } else {
                        take(s, pattern(places.get("institution"), stem));
                    }
                }
                case PARK -> take(s, pattern(places.get("park"), stem));
                case COMMERCIAL -> take(s, pattern(places.get("commercial"), stem));
                case FACTORY, FARMLAND, VACANT, WATER -> take(s, pattern(places.get("factory"), stem));
            }
        }
    }

    /** 万方花园 is also called 万方小区: an estate whose name does not end in 小区 gets that alias where it is free. */
    private void aliases() {
        var endings = new ArrayList<String>();
        for (String[] r : inputs.rows("estate_suffixes.csv")) {
            endings.addAll(List.of(r[1].split("\\|")));
        }
        endings.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (Site s : d.sites) {
            if (!s.use.residential() || s.name.endsWith("小区")) {
                continue;
            }
            String ending = endings.stream().filter(s.name::endsWith).findFirst().orElse(null);
            if (ending == null || s.name.length() - ending.length() < 2) {
                continue;
            }
            String alias = s.name.substring(0, s.name.length() - ending.length()) + "小区";
            if (!sites.contains(alias)) {
                s.aliases = List.of(alias);
                sites.add(alias);
            }
        }
    }

    /**
     * What a school, a clinic or a factory is called after: the street it fronts (建军路 gives
     * 建军小学), or its community where it fronts none.
     */
    private static String stemOf(Site s) {
        var side = SiteBuilder.biggestSide(s.block);
        if (side != null) {
            String street = side.segment().line.name;
            return street.substring(0, street.length() - (street.endsWith("大道") ? 2 : 1));
        }
        String c = s.block.community.name;
        return c.substring(0, c.length() - 2).replace("路", "");
    }

    private static double distance(Site s, Area c) {
        return s.block.interior.distance(AreaBuilder.middle(c.polygon));
    }

    private void take(Site s, String name) {
        if (!sites.add(name)) {
            throw new IllegalStateException("the site name " + name + " is taken twice");
        }
        s.name = name;
    }

    /** A name from one of the patterns, with the stem or, when taken, the next road stems. */
    private String pattern(List<String> patterns, String stem) {
        String p = patterns.get(rnd.nextInt(patterns.size()));
        String name = p.replace("{stem}", stem);
        int i = 0;
        while (sites.contains(name)) {
            name = p.replace("{stem}", roadStems.get(i++ % roadStems.size()));
            if (i > roadStems.size()) {
                p = patterns.get(rnd.nextInt(patterns.size()));
            }
        }
        return name;
    }

    private String unique(String name) {
        String n = name;
        for (int i = 2; sites.contains(n); i++) {
            n = name + i;
        }
        return n;
    }
}
