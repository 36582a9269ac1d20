package org.partymap.geocode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Collects the rows of a gazetteer (from the database, or from a test) and builds the immutable
 * {@link Gazetteer}: names normalised and indexed, the components of every standard address
 * (from its columns, else parsed from its text), the grid of every point, roads grouped from
 * their segments, and how far the doors lie from the centre lines.
 */
public final class GazetteerBuilder {

    /** Used when too few addresses lie near their street to measure the distance. */
    static final double DEFAULT_SIDE_OFFSET = 12;
    private static final Pattern BUILDING_NUMBER = Pattern.compile("[0-9A-Z]+(-[0-9A-Z]+)?");
    private static final Pattern NUMBER_SIGN = Pattern.compile("[0-9A-Z-]+号");
    private static final Pattern UNIT_WORD = Pattern.compile("(号|单元|幢|室)$");
    static final Pattern PLAIN_NUMBER = Pattern.compile("[0-9]{1,6}");

    private record RawAddress(int id, String fullAddress, String road, String houseNumber, Integer estateId,
                              String building, String unit, Integer gridId, double lon, double lat) {
    }

    private record RawGrid(int id, String code, String name, int communityId, Geometry geometry) {
    }

    final AddressNormalizer normalizer = new AddressNormalizer();
    AddressParser parser = new AddressParser();
    long version;
    private final List<RawGrid> rawGrids = new ArrayList<>();
    private final List<Places.Area> rawSubdistricts = new ArrayList<>();
    private final List<Places.Area> rawCommunities = new ArrayList<>();
    private final List<Places.Segment> segments = new ArrayList<>();
    private final List<Places.Estate> rawEstates = new ArrayList<>();
    private final List<Places.Building> rawBuildings = new ArrayList<>();
    private final List<Integer> buildingGridIds = new ArrayList<>();
    private final List<RawAddress> rawAddresses = new ArrayList<>();
    private final List<Places.Station> rawStations = new ArrayList<>();
    private final List<Integer> stationGridIds = new ArrayList<>();

    // built
    final NameIndex<Road> roadIndex = new NameIndex<>();
    final Map<String, List<Road>> roadCores = new HashMap<>();
    final NameIndex<Places.Estate> estateIndex = new NameIndex<>();
    final Map<String, List<Places.Estate>> estateCores = new HashMap<>();
    final NameIndex<Places.Area> communityIndex = new NameIndex<>();
    final NameIndex<Places.Area> subdistrictIndex = new NameIndex<>();
    final NameIndex<Places.Station> stationIndex = new NameIndex<>();
    final Map<String, List<Places.Address>> byText = new HashMap<>();
    final Map<String, List<Places.Address>> byRoadNumber = new HashMap<>();
    final Map<String, List<Places.Address>> byRoadMainNumber = new HashMap<>();
    final Map<String, List<Places.Address>> byEstateBuilding = new HashMap<>();
    final Map<String, Places.Building> buildingByKey = new HashMap<>();
    final Map<Integer, Places.Area> communityById = new HashMap<>();
    final Map<Integer, Places.Area> subdistrictById = new HashMap<>();
    final List<Places.Address> addresses = new ArrayList<>();
    final STRtree addressTree = new STRtree();
    AreaLocator<Places.Grid> gridLocator;
    AreaLocator<Places.Area> communityLocator;
    AreaLocator<Places.Area> subdistrictLocator;
    double originLon;
    double originLat;
    double sideOffset = DEFAULT_SIDE_OFFSET;
    List<AdminRegions.Region> home = List.of();

    public GazetteerBuilder version(long v) {
        version = v;
        return this;
    }

    public GazetteerBuilder subdistrict(int id, String code, String name, Geometry geometry, double lon, double lat) {
        rawSubdistricts.add(new Places.Area(id, code, name, 0, lon, lat, geometry, null));
        return this;
    }

    public GazetteerBuilder community(int id, String code, String name, int subdistrictId, Geometry geometry,
                                      double lon, double lat) {
        rawCommunities.add(new Places.Area(id, code, name, subdistrictId, lon, lat, geometry, null));
        return this;
    }

    public GazetteerBuilder grid(int id, String code, String name, int communityId, Geometry geometry) {
        rawGrids.add(new RawGrid(id, code, name, communityId, geometry));
        return this;
    }

    /** A street segment; a null range end means that side has no numbers. */
    public GazetteerBuilder street(int id, String name, Integer leftFrom, Integer leftTo, Integer rightFrom,
                                   Integer rightTo, double[] coordinates) {
        segments.add(new Places.Segment(id, name, zero(leftFrom), zero(leftTo), zero(rightFrom), zero(rightTo), coordinates));
        return this;
    }

    /** @param radius metres from the point to the farthest part of the estate */
    public GazetteerBuilder estate(int id, String name, List<String> aliases, Integer communityId, double lon,
                                   double lat, double radius) {
        rawEstates.add(new Places.Estate(id, name, List.copyOf(aliases), zero(communityId), lon, lat, radius, null));
        return this;
    }

    public GazetteerBuilder building(int id, Integer estateId, String name, String number, Integer gridId, double lon,
                                     double lat) {
        rawBuildings.add(new Places.Building(id, zero(estateId), name, number, lon, lat, null));
        buildingGridIds.add(gridId);
        return this;
    }

    /** A standard address; the components may be null and are then parsed from its text. */
    public GazetteerBuilder address(int id, String fullAddress, String road, String houseNumber, Integer estateId,
                                    String building, String unit, Integer gridId, double lon, double lat) {
        rawAddresses.add(new RawAddress(id, fullAddress, road, houseNumber, estateId, building, unit, gridId, lon, lat));
        return this;
    }

    public GazetteerBuilder station(int id, String kind, String name, String address, Integer gridId, double lon,
                                    double lat) {
        rawStations.add(new Places.Station(id, kind, name, address, lon, lat, null));
        stationGridIds.add(gridId);
        return this;
    }

    public Gazetteer build() {
        parser = new AddressParser(knownNames());
        Map<Integer, GridRef> gridRefs = grids();
        areas();
        estates();
        buildings(gridRefs);
        Map<String, List<Places.Segment>> roadSegments = new LinkedHashMap<>();
        for (Places.Segment s : segments) {
            roadSegments.computeIfAbsent(normalizer.text(s.name()), k -> new ArrayList<>()).add(s);
        }
        addresses(gridRefs);
        sideOffset = RoadAssembler.sideOffset(addresses, roadSegments);
        roads(roadSegments);
        stations(gridRefs);
        home = homeRegion();
        return new Gazetteer(this);
    }

    /** Every name of a subdistrict, community, estate or road, for the parser to cut addresses at. */
    private KnownNames knownNames() {
        var known = new KnownNames.Builder();
        rawSubdistricts.forEach(a -> known.add(normalizer.text(a.name()), NameKind.SUBDISTRICT));
        rawCommunities.forEach(a -> known.add(normalizer.text(a.name()), NameKind.COMMUNITY));
        for (Places.Estate e : rawEstates) {
            known.add(normalizer.text(e.name()), NameKind.ESTATE);
            e.aliases().forEach(alias -> known.add(normalizer.text(alias), NameKind.ESTATE));
        }
        segments.forEach(s -> known.add(normalizer.text(s.name()), NameKind.ROAD));
        rawAddresses.forEach(a -> known.add(a.road() == null ? null : normalizer.text(a.road()), NameKind.ROAD));
        return known.build();
    }

    private Map<Integer, GridRef> grids() {
        var refs = new HashMap<Integer, GridRef>();
        var list = new ArrayList<Places.Grid>();
        for (RawGrid g : rawGrids) {
            GridRef ref = new GridRef(g.id(), g.code(), g.name(), g.communityId());
            refs.put(g.id(), ref);
            list.add(new Places.Grid(ref, g.geometry()));
        }
        gridLocator = new AreaLocator<>(list, Places.Grid::geometry, g -> g.ref().id());
        return refs;
    }

    private GridRef gridAt(double lon, double lat) {
        Places.Grid g = gridLocator.locate(lon, lat);
        return g == null ? null : g.ref();
    }

    private GridRef stored(Map<Integer, GridRef> refs, Integer gridId, double lon, double lat) {
        return gridId != null ? refs.get(gridId) : gridAt(lon, lat);
    }

    private void areas() {
        var subs = new ArrayList<Places.Area>();
        for (Places.Area a : rawSubdistricts) {
            Places.Area s = new Places.Area(a.id(), a.code(), a.name(), 0, a.lon(), a.lat(), a.geometry(), gridAt(a.lon(), a.lat()));
            subs.add(s);
            subdistrictById.put(s.id(), s);
            subdistrictIndex.add(normalizer.text(s.name()), s);
            subdistrictIndex.add(NameKind.core(normalizer.text(s.name())), s);
        }
        var comms = new ArrayList<Places.Area>();
        for (Places.Area a : rawCommunities) {
            Places.Area c = new Places.Area(a.id(), a.code(), a.name(), a.parentId(), a.lon(), a.lat(), a.geometry(),
                    gridAt(a.lon(), a.lat()));
            comms.add(c);
            communityById.put(c.id(), c);
            communityIndex.add(normalizer.text(c.name()), c);
            communityIndex.add(NameKind.core(normalizer.text(c.name())), c);
        }
        subdistrictIndex.freeze();
        communityIndex.freeze();
        subdistrictLocator = new AreaLocator<>(subs, Places.Area::geometry, Places.Area::id);
        communityLocator = new AreaLocator<>(comms, Places.Area::geometry, Places.Area::id);
    }

    final Map<Integer, Places.Estate> estateById = new HashMap<>();

    private void estates() {
        for (Places.Estate raw : rawEstates) {
            Places.Estate e = new Places.Estate(raw.id(), raw.name(), raw.aliases(), raw.communityId(), raw.lon(), raw.lat(),
                    raw.radius(), gridAt(raw.lon(), raw.lat()));
            estateById.put(e.id(), e);
            var names = new ArrayList<String>();
            names.add(e.name());
            names.addAll(e.aliases());
            for (String n : names) {
                String key = normalizer.text(n);
                estateIndex.add(key, e);
                String core = NameKind.core(key);
                if (!core.equals(key)) {
                    List<Places.Estate> list = estateCores.computeIfAbsent(core, k -> new ArrayList<>());
                    if (!list.contains(e)) {
                        list.add(e);
                    }
                }
            }
        }
        estateIndex.freeze();
    }

    private void buildings(Map<Integer, GridRef> refs) {
        for (int i = 0; i < rawBuildings.size(); i++) {
            Places.Building raw = rawBuildings.get(i);
            String number = buildingNumber(raw.number(), raw.name());
            var b = new Places.Building(raw.id(), raw.estateId(), raw.name(), number, raw.lon(), raw.lat(),
                    stored(refs, buildingGridIds.get(i), raw.lon(), raw.lat()));
            if (number != null && b.estateId() != 0) {
                buildingByKey.putIfAbsent(Gazetteer.key(Integer.toString(b.estateId()), number), b);
            }
        }
    }

    /** "3", "3幢", "3号楼", "三栋" → "3"; null when none can be read. */
    private String buildingNumber(String number, String name) {
        for (String s : Arrays.asList(number, name)) {
            if (s == null || s.isBlank()) {
                continue;
            }
            String t = normalizer.text(s);
            if (BUILDING_NUMBER.matcher(t).matches()) {
                return t;
            }
            ParsedAddress p = parser.parse(NUMBER_SIGN.matcher(t).matches() ? t.replace("号", "幢") : t);
            if (p.building() != null) {
                return p.building();
            }
        }
        return null;
    }

    private Map<String, List<Places.Estate>> estatesByName() {
        var out = new HashMap<String, List<Places.Estate>>();
        estateById.values().forEach(e -> out.computeIfAbsent(normalizer.text(e.name()), k -> new ArrayList<>()).add(e));
        return out;
    }

    private void addresses(Map<Integer, GridRef> refs) {
        Map<String, List<Places.Estate>> estatesByName = estatesByName();
        Map<Integer, Places.Building> buildingById = new HashMap<>();
        buildingByKey.values().forEach(b -> buildingById.put(b.id(), b));
        for (RawAddress raw : rawAddresses) {
            String text = normalizer.text(raw.fullAddress());
            ParsedAddress p = parser.parse(text);
            String road = p.road() != null ? p.road() : blankToNull(normalizer.text(Objects.toString(raw.road(), "")));
            String number = p.houseNumber() != null ? p.houseNumber() : number(raw.houseNumber());
            int estateId = raw.estateId() != null ? raw.estateId() : 0;
            if (estateId == 0 && p.estate() != null) {
                List<Places.Estate> named = estatesByName.getOrDefault(p.estate(), List.of());
                estateId = named.size() == 1 ? named.get(0).id() : 0;
            }
            String building = p.building() != null ? p.building() : buildingNumber(raw.building(), null);
            String unit = p.unit() != null ? p.unit() : number(raw.unit());
            var a = new Places.Address(raw.id(), raw.fullAddress(), road, number, estateId, building, unit, raw.lon(), raw.lat(),
                    stored(refs, raw.gridId(), raw.lon(), raw.lat()));
            addresses.add(a);
            byText.computeIfAbsent(text, k -> new ArrayList<>(1)).add(a);
            if (road != null && number != null) {
                byRoadNumber.computeIfAbsent(Gazetteer.key(road, number), k -> new ArrayList<>(1)).add(a);
                byRoadMainNumber.computeIfAbsent(Gazetteer.key(road, mainNumber(number)), k -> new ArrayList<>(1)).add(a);
            }
            if (estateId != 0 && building != null) {
                byEstateBuilding.computeIfAbsent(Gazetteer.key(Integer.toString(estateId), building), k -> new ArrayList<>(2)).add(a);
            }
        }
        if (!addresses.isEmpty()) {
            originLon = addresses.get(0).lon();
            originLat = addresses.get(0).lat();
        }
        for (Places.Address a : addresses) {
            double[] xy = local(a.lon(), a.lat(), originLon, originLat);
            addressTree.insert(new Envelope(xy[0], xy[0], xy[1], xy[1]), a);
        }
        addressTree.build();
    }

    /** A house or unit number as the parser writes it: "12号" → "12", "3单元" → "3". */
    private String number(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = UNIT_WORD.matcher(normalizer.text(raw)).replaceFirst("");
        return t.isEmpty() ? null : t;
    }

    static String mainNumber(String number) {
        int dash = number.indexOf('-');
        return dash < 0 ? number : number.substring(0, dash);
    }

    /** Metres east and north of an origin, for the nearest-address tree. */
    static double[] local(double lon, double lat, double lon0, double lat0) {
        return new double[] {(lon - lon0) * Metres.perDegreeLon(lat0), (lat - lat0) * Metres.PER_DEGREE_LAT};
    }

    private void roads(Map<String, List<Places.Segment>> roadSegments) {
        var byRoad = new HashMap<String, List<Places.Address>>();
        for (Places.Address a : addresses) {
            if (a.road() != null) {
                byRoad.computeIfAbsent(a.road(), k -> new ArrayList<>()).add(a);
            }
        }
        var keys = new LinkedHashMap<String, String>();
        roadSegments.forEach((key, segs) -> keys.put(key, segs.get(0).name()));
        byRoad.forEach((key, list) -> keys.putIfAbsent(key, list.get(0).road()));
        keys.forEach((key, name) -> {
            List<Places.Segment> segs = roadSegments.getOrDefault(key, List.of());
            List<Places.Address> own = byRoad.getOrDefault(key, List.of());
            Road road = RoadAssembler.road(key, name, segs, own, sideOffset, this::gridAt);
            roadIndex.add(key, road);
            String core = RoadAssembler.core(key);
            if (!core.equals(key)) {
                roadCores.computeIfAbsent(core, k -> new ArrayList<>()).add(road);
            }
        });
        roadIndex.freeze();
    }

    private void stations(Map<Integer, GridRef> refs) {
        for (int i = 0; i < rawStations.size(); i++) {
            Places.Station raw = rawStations.get(i);
            var s = new Places.Station(raw.id(), raw.kind(), raw.name(), raw.address(), raw.lon(), raw.lat(),
                    stored(refs, stationGridIds.get(i), raw.lon(), raw.lat()));
            stationIndex.add(normalizer.text(s.name()), s);
        }
        stationIndex.freeze();
    }

    /** The district the subdistricts belong to, by the county part of their codes, with its city and province. */
    private List<AdminRegions.Region> homeRegion() {
        var counts = new HashMap<String, Integer>();
        for (Places.Area s : rawSubdistricts) {
            if (s.code() != null && s.code().length() >= 6) {
                counts.merge(s.code().substring(0, 6), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> AdminRegions.STANDARD.withParents(e.getKey())).orElse(List.of());
    }

    private static int zero(Integer v) {
        return v == null ? 0 : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
