package org.partymap.geocode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Matches address text against one gazetteer snapshot and answers ranked candidates, each with a
 * point, a level, a score, the standard address matched and its grid.
 *
 * <p>The address is normalised and parsed; its road and estate names are resolved
 * ({@link NameResolver}: exact, core, fuzzy); then every way of placing it is tried, from the most
 * precise level down: the standard address (road + number, or estate + building + unit), the
 * building, the house number without its sub-number or unit, the number interpolated along its
 * street, the street, the estate, the community and the subdistrict. A station is found by its
 * name. The score starts from the level's base and is multiplied by how sure each name match is,
 * by a penalty for text left unexplained, for a community or subdistrict named that does not
 * contain the point, and for a prefix naming another district; rivals far apart cap each other
 * below {@link Candidate#CONFIDENT}. The figures are in docs/geocoding.md. Thread-safe.
 */
public final class Matcher {

    /** The most candidates one query may ask for. */
    public static final int MAX_LIMIT = 20;

    static final double ADDRESS = 0.97;
    static final double STATION = 0.95;
    static final double BUILDING = 0.93;
    static final double HOUSE_NUMBER = 0.9;
    static final double INTERPOLATED_GOOD = 0.86;
    static final double INTERPOLATED_FAIR = 0.72;
    static final double INTERPOLATED_UNTESTED = 0.6;
    static final double STREET = 0.5;
    static final double ESTATE_SMALL = 0.7;
    static final double ESTATE = 0.6;
    static final double COMMUNITY = 0.35;
    static final double SUBDISTRICT = 0.2;
    /** A building, unit or number that was asked for and does not exist. */
    static final double NOT_FOUND = 0.75;
    static final double WRONG_AREA = 0.92;
    static final double FOREIGN = 0.3;
    static final double AMBIGUOUS_CAP = 0.7;
    /** Rivals within this share of the best score, more than 100 m from it, make an answer ambiguous. */
    static final double RIVAL_SHARE = 0.85;
    static final double FAR = 100;
    /** A gate address ranks after the estate's own answer; how far outside an estate's radius a gate may lie, metres. */
    static final double GATE = 0.9;
    static final double GATE_MARGIN = 30;

    private final Gazetteer g;

    public Matcher(Gazetteer gazetteer) {
        this.g = gazetteer;
    }

    public Gazetteer gazetteer() {
        return g;
    }

    /** A candidate being put together; {@code evidence} counts the parts of the query it used. */
    private static final class Found {
        final double lon;
        final double lat;
        final MatchLevel level;
        final String address;
        final GridRef grid;
        double score;
        int evidence;
        /** The estate this answer belongs to (a road address at its gate, or a place in it), 0 for none. */
        int estate;
        /** A road address at the gate of the estate also named: it confirms that estate's answer and is no rival to it. */
        boolean gate;
        /** Found by the whole text (a station's exact name): nothing of the text is left unexplained. */
        boolean wholeText;

        Found(double lon, double lat, MatchLevel level, String address, GridRef grid, double score, int evidence) {
            this.lon = lon;
            this.lat = lat;
            this.level = level;
            this.address = address;
            this.grid = grid;
            this.score = score;
            this.evidence = evidence;
        }

        Candidate toCandidate() {
            double s = Math.max(0, Math.min(1, score));
            return new Candidate(round(lon, 1e7), round(lat, 1e7), round(s, 1e3), level, address, grid);
        }

        double distanceTo(Found o) {
            return Metres.distance(lon, lat, o.lon, o.lat);
        }
    }

    /** The best candidates for the text, best first; empty when nothing matches. */
    public List<Candidate> match(String query, int limit) {
        NormalizedAddress n = g.normalizer.normalize(query);
        if (n.isEmpty()) {
            return List.of();
        }
        ParsedAddress p = g.parser.parse(n.text());
        var out = new ArrayList<Found>();
        stations(n.text(), p, out);
        int roadsFrom = out.size();
        for (NameResolver.Hit<Road> hit : roads(p)) {
            road(hit, p, out);
        }
        int fromRoads = out.size();
        List<NameResolver.Hit<Places.Estate>> estateHits = estates(p);
        for (NameResolver.Hit<Places.Estate> hit : estateHits) {
            int from = out.size();
            estate(hit, p, out);
            out.subList(from, out.size()).forEach(f -> f.estate = hit.value().id());
        }
        gates(out.subList(roadsFrom, fromRoads), estateHits, out.subList(fromRoads, out.size()));
        List<NameResolver.Hit<Places.Area>> communities = communities(p);
        List<NameResolver.Hit<Places.Area>> subdistricts = NameResolver.resolve(p.subdistrict(), g.subdistricts, Map.of(), NameKind::core);
        communities.forEach(h -> out.add(area(h, MatchLevel.COMMUNITY, COMMUNITY)));
        subdistricts.forEach(h -> out.add(area(h, MatchLevel.SUBDISTRICT, SUBDISTRICT)));
        context(out, communities, subdistricts);
        double foreign = g.foreign(n.regions()) ? FOREIGN : 1;
        double remainder = remainderFactor(p);
        out.forEach(f -> f.score *= foreign * (f.wholeText ? 1 : remainder));
        return rank(out, Math.max(1, Math.min(MAX_LIMIT, limit)));
    }

    /** A station by its exact name; by a name alike only when the text names no number (a home address never does). */
    private void stations(String text, ParsedAddress p, List<Found> out) {
        List<NameResolver.Hit<Places.Station>> hits = NameResolver.exactOnly(text, g.stations, 1);
        boolean numbered = p.houseNumber() != null || p.building() != null || p.unit() != null || p.room() != null;
        if (hits.isEmpty() && !numbered && (text.contains("中心") || text.contains("站") || text.contains("室"))) {
            hits = NameResolver.fuzzy(text, g.stations);
        }
        for (NameResolver.Hit<Places.Station> h : hits) {
            Places.Station s = h.value();
            Found f = new Found(s.lon(), s.lat(), MatchLevel.ADDRESS, s.name(), s.grid(), STATION * h.factor(), 3);
            f.wholeText = h.exact();
            out.add(f);
        }
    }

    private List<NameResolver.Hit<Road>> roads(ParsedAddress p) {
        List<NameResolver.Hit<Road>> hits = NameResolver.resolve(p.road(), g.roads, g.roadCores, RoadAssembler::core);
        if (hits.isEmpty() && p.road() == null && p.houseNumber() != null && p.estate() != null && p.building() == null) {
            hits = NameResolver.exactOnly(p.estate(), g.roads, 0.9); // "十里铺3号" with an estate-like road name
        }
        return hits;
    }

    private List<NameResolver.Hit<Places.Estate>> estates(ParsedAddress p) {
        List<NameResolver.Hit<Places.Estate>> hits = NameResolver.resolve(p.estate(), g.estates, g.estateCores, NameKind::core);
        if (hits.isEmpty() && p.estate() == null && p.community() != null) {
            hits = NameResolver.exactOnly(p.community(), g.estates, 0.9); // a 村 that is an estate
        }
        if (hits.isEmpty() && p.road() != null && p.building() != null && !p.hasRoadNumber()) {
            hits = NameResolver.exactOnly(p.road(), g.estates, 0.9);
        }
        return hits;
    }

    private List<NameResolver.Hit<Places.Area>> communities(ParsedAddress p) {
        List<NameResolver.Hit<Places.Area>> hits = NameResolver.resolve(p.community(), g.communities, Map.of(), NameKind::core);
        if (hits.isEmpty() && p.community() == null && p.estate() != null && p.building() == null) {
            hits = NameResolver.exactOnly(p.estate(), g.communities, 0.9);
        }
        return hits;
    }

    private void road(NameResolver.Hit<Road> hit, ParsedAddress p, List<Found> out) {
        Road r = hit.value();
        double f = hit.factor();
        if (p.houseNumber() == null) {
            out.add(new Found(r.lon(), r.lat(), MatchLevel.STREET, r.name(), r.grid(), STREET * f, 1));
            return;
        }
        List<Places.Address> same = g.byRoadNumber.get(Gazetteer.key(r.key(), p.houseNumber()));
        if (same != null) {
            Places.Address a = pickUnit(same, p.unit());
            boolean exact = Objects.equals(a.unit(), p.unit()) && p.building() == null;
            out.add(address(a, exact ? MatchLevel.ADDRESS : MatchLevel.HOUSE_NUMBER, (exact ? ADDRESS : HOUSE_NUMBER) * f,
                    p.unit() != null && exact ? 3 : 2));
            return;
        }
        List<Places.Address> main = g.byRoadMainNumber.get(Gazetteer.key(r.key(), p.mainHouseNumber()));
        if (main != null) {
            out.add(address(pickUnit(main, p.unit()), MatchLevel.HOUSE_NUMBER, HOUSE_NUMBER * f, 2));
            return;
        }
        String number = p.mainHouseNumber();
        if (GazetteerBuilder.PLAIN_NUMBER.matcher(number).matches()) {
            int value = Integer.parseInt(number);
            boolean placed = false;
            for (Places.Segment s : r.segments()) {
                double[] pt = StreetInterpolator.locate(s, value, g.sideOffset);
                if (pt != null) {
                    out.add(new Found(pt[0], pt[1], MatchLevel.INTERPOLATED, r.name() + p.houseNumber() + "号",
                            g.gridAt(pt[0], pt[1]), interpolated(r) * f, 2));
                    placed = true;
                }
            }
            if (placed) {
                return;
            }
        }
        out.add(new Found(r.lon(), r.lat(), MatchLevel.STREET, r.name(), r.grid(), STREET * NOT_FOUND * f, 1));
    }

    /** How far interpolation on this road is trusted, from how well it placed the road's own addresses. */
    static double interpolated(Road r) {
        if (r.interpolationChecks() >= 5 && r.interpolationError() <= 40) {
            return INTERPOLATED_GOOD;
        }
        if (r.interpolationChecks() >= 5 && r.interpolationError() <= 80) {
            return INTERPOLATED_FAIR;
        }
        return INTERPOLATED_UNTESTED;
    }

    private void estate(NameResolver.Hit<Places.Estate> hit, ParsedAddress p, List<Found> out) {
        Places.Estate e = hit.value();
        double f = hit.factor();
        double estateBase = e.radius() <= 60 ? ESTATE_SMALL : ESTATE;
        if (p.building() == null) {
            out.add(new Found(e.lon(), e.lat(), MatchLevel.ESTATE, e.name(), e.grid(), estateBase * f, 1));
            return;
        }
        List<Places.Address> inBuilding = g.byEstateBuilding.get(Gazetteer.key(Integer.toString(e.id()), p.building()));
        if (inBuilding != null) {
            for (Places.Address a : inBuilding) {
                if (Objects.equals(a.unit(), p.unit())) {
                    out.add(address(a, MatchLevel.ADDRESS, ADDRESS * f, p.unit() == null ? 2 : 3));
                    return;
                }
            }
        }
        double unitFactor = p.unit() == null ? 1 : 0.97;
        String name = e.name() + p.building() + "幢";
        Places.Building b = g.buildings.get(Gazetteer.key(Integer.toString(e.id()), p.building()));
        if (b != null) {
            out.add(new Found(b.lon(), b.lat(), MatchLevel.BUILDING, name, b.grid(), BUILDING * unitFactor * f, 2));
        } else if (inBuilding != null) {
            double lon = inBuilding.stream().mapToDouble(Places.Address::lon).average().orElseThrow();
            double lat = inBuilding.stream().mapToDouble(Places.Address::lat).average().orElseThrow();
            out.add(new Found(lon, lat, MatchLevel.BUILDING, name, g.gridAt(lon, lat), BUILDING * unitFactor * f, 2));
        } else {
            out.add(new Found(e.lon(), e.lat(), MatchLevel.ESTATE, e.name(), e.grid(), estateBase * NOT_FOUND * f, 1));
        }
    }

    private static Places.Address pickUnit(List<Places.Address> list, String unit) {
        for (Places.Address a : list) {
            if (Objects.equals(a.unit(), unit)) {
                return a;
            }
        }
        return list.get(0);
    }

    private static Found address(Places.Address a, MatchLevel level, double score, int evidence) {
        Found f = new Found(a.lon(), a.lat(), level, a.fullAddress(), a.grid(), score, evidence);
        f.estate = a.estateId();
        return f;
    }

    /**
     * "解放路360-2号幸福华庭3幢1单元": a road and number that are the gate of the estate named too
     * (the address belongs to that estate, or lies at its edge) confirm the estate's answer,
     * which is the more precise, rather than rival it.
     */
    private static void gates(List<Found> fromRoads, List<NameResolver.Hit<Places.Estate>> estates, List<Found> fromEstates) {
        for (Found r : fromRoads) {
            if (!r.level.isPoint()) {
                continue;
            }
            for (NameResolver.Hit<Places.Estate> hit : estates) {
                Places.Estate e = hit.value();
                boolean atGate = r.estate == e.id() || Metres.distance(r.lon, r.lat, e.lon(), e.lat()) <= e.radius() + GATE_MARGIN;
                if (atGate) {
                    r.gate = true;
                    r.score *= GATE;
                    fromEstates.stream().filter(f -> f.estate == e.id()).forEach(f -> f.evidence++);
                }
            }
        }
    }

    private static Found area(NameResolver.Hit<Places.Area> h, MatchLevel level, double base) {
        Places.Area a = h.value();
        return new Found(a.lon(), a.lat(), level, a.name(), a.grid(), base * h.factor(), 1);
    }

    /**
     * A community or subdistrict named in the query that contains a candidate adds to its
     * evidence; one that does not lowers its score (people do name the wrong community).
     */
    private void context(List<Found> out, List<NameResolver.Hit<Places.Area>> communities,
                         List<NameResolver.Hit<Places.Area>> subdistricts) {
        Places.Area community = communities.size() == 1 && communities.get(0).factor() >= 0.9 ? communities.get(0).value() : null;
        Places.Area subdistrict = subdistricts.size() == 1 && subdistricts.get(0).factor() >= 0.9 ? subdistricts.get(0).value() : null;
        for (Found f : out) {
            if (f.level.compareTo(MatchLevel.ESTATE) > 0 || f.grid == null) {
                continue;
            }
            if (community != null) {
                if (f.grid.communityId() == community.id()) {
                    f.evidence++;
                } else {
                    f.score *= WRONG_AREA;
                }
            }
            if (subdistrict != null) {
                Places.Area c = g.communityById.get(f.grid.communityId());
                if (c != null && c.parentId() == subdistrict.id()) {
                    f.evidence++;
                } else {
                    f.score *= WRONG_AREA;
                }
            }
        }
    }

    /** Text that fits no component makes every answer less sure: 2% per character, at most 30%. */
    private static double remainderFactor(ParsedAddress p) {
        return 1 - Math.min(0.3, 0.02 * p.remainder().length());
    }

    private static List<Candidate> rank(List<Found> found, int limit) {
        found.sort(Comparator.comparingDouble((Found f) -> -f.score)
                .thenComparing(f -> f.level)
                .thenComparing(f -> -f.evidence));
        var kept = new ArrayList<Found>();
        for (Found f : found) {
            boolean duplicate = kept.stream().anyMatch(k -> k.level == f.level
                    && (k.address.equals(f.address) || k.distanceTo(f) < 10));
            if (!duplicate) {
                kept.add(f);
            }
        }
        if (!kept.isEmpty()) {
            capRivals(kept);
        }
        return kept.stream().limit(limit).map(Found::toCandidate).toList();
    }

    /** Precise answers far apart with near scores: the query is ambiguous, so none of them is confident. */
    private static void capRivals(List<Found> kept) {
        Found top = kept.get(0);
        if (top.level.compareTo(MatchLevel.INTERPOLATED) > 0) {
            return;
        }
        boolean ambiguous = false;
        for (Found k : kept.subList(1, kept.size())) {
            if (k.level.compareTo(MatchLevel.INTERPOLATED) <= 0 && !k.gate && !top.gate && k.score >= RIVAL_SHARE * top.score
                    && k.distanceTo(top) > FAR) {
                k.score = Math.min(k.score, AMBIGUOUS_CAP);
                ambiguous = true;
            }
        }
        if (ambiguous) {
            top.score = Math.min(top.score, AMBIGUOUS_CAP);
        }
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
