package org.partymap.geocode;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One immutable snapshot of the gazetteer in memory: the places and the indexes the matcher and
 * the reverse geocoder read. Made by {@link GazetteerBuilder}; safe to share between threads.
 */
public final class Gazetteer {

    /** The nearest standard address to a point and its distance in metres. */
    public record Nearest(Places.Address address, double distance) {
    }

    final long version;
    final AddressNormalizer normalizer;
    final AddressParser parser;
    final NameIndex<Road> roads;
    final Map<String, List<Road>> roadCores;
    final NameIndex<Places.Estate> estates;
    final Map<String, List<Places.Estate>> estateCores;
    final NameIndex<Places.Area> communities;
    final NameIndex<Places.Area> subdistricts;
    final NameIndex<Places.Station> stations;
    final Map<String, List<Places.Address>> byText;
    final Map<String, List<Places.Address>> byRoadNumber;
    final Map<String, List<Places.Address>> byRoadMainNumber;
    final Map<String, List<Places.Address>> byEstateBuilding;
    final Map<String, Places.Building> buildings;
    final Map<Integer, Places.Area> communityById;
    final Map<Integer, Places.Area> subdistrictById;
    final Map<Integer, Places.Estate> estateById;
    final List<Places.Address> addresses;
    final AreaLocator<Places.Grid> grids;
    final AreaLocator<Places.Area> communityAreas;
    final AreaLocator<Places.Area> subdistrictAreas;
    final STRtree addressPoints;
    final double originLon;
    final double originLat;
    final double sideOffset;
    final List<AdminRegions.Region> home;
    final int addressCount;

    Gazetteer(GazetteerBuilder b) {
        version = b.version;
        normalizer = b.normalizer;
        parser = b.parser;
        roads = b.roadIndex;
        roadCores = b.roadCores;
        estates = b.estateIndex;
        estateCores = b.estateCores;
        communities = b.communityIndex;
        subdistricts = b.subdistrictIndex;
        stations = b.stationIndex;
        byText = b.byText;
        byRoadNumber = b.byRoadNumber;
        byRoadMainNumber = b.byRoadMainNumber;
        byEstateBuilding = b.byEstateBuilding;
        buildings = b.buildingByKey;
        communityById = b.communityById;
        subdistrictById = b.subdistrictById;
        estateById = b.estateById;
        addresses = List.copyOf(b.addresses);
        grids = b.gridLocator;
        communityAreas = b.communityLocator;
        subdistrictAreas = b.subdistrictLocator;
        addressPoints = b.addressTree;
        originLon = b.originLon;
        originLat = b.originLat;
        sideOffset = b.sideOffset;
        home = b.home;
        addressCount = b.addresses.size();
    }

    /** The data version this snapshot was loaded at (see the gazetteer_version table). */
    public long version() {
        return version;
    }

    /** How many standard addresses it holds. */
    public int addressCount() {
        return addressCount;
    }

    /** Every standard address, in id order. */
    public List<Places.Address> addresses() {
        return addresses;
    }

    /** The database id of the standard address written exactly so (after normalising), or null when there is none or several. */
    public Integer addressIdOf(String fullAddress) {
        List<Places.Address> found = byText.get(normalizer.text(fullAddress));
        return found == null || found.size() != 1 ? null : found.get(0).id();
    }

    /** The grid covering a point, or null. */
    public GridRef gridAt(double lon, double lat) {
        Places.Grid g = grids.locate(lon, lat);
        return g == null ? null : g.ref();
    }

    public Places.Area communityAt(double lon, double lat) {
        return communityAreas.locate(lon, lat);
    }

    public Places.Area subdistrictAt(double lon, double lat) {
        return subdistrictAreas.locate(lon, lat);
    }

    /** The standard address nearest to a point, or null when the gazetteer has none. */
    public Nearest nearestAddress(double lon, double lat) {
        if (addressCount == 0) {
            return null;
        }
        double[] xy = GazetteerBuilder.local(lon, lat, originLon, originLat);
        var env = new Envelope(xy[0], xy[0], xy[1], xy[1]);
        Object found = addressPoints.nearestNeighbour(env, null,
                (a, b) -> a.getBounds() instanceof Envelope ea && b.getBounds() instanceof Envelope eb ? ea.distance(eb) : 0);
        var a = (Places.Address) found;
        return new Nearest(a, Metres.distance(lon, lat, a.lon(), a.lat()));
    }

    /**
     * Whether an address's administrative prefix names another district, city or province than
     * the gazetteer's own (known from its subdistrict codes): "南京市鼓楼区中山路" against Tinghu.
     */
    boolean foreign(List<AdminRegions.Region> regions) {
        for (AdminRegions.Region r : regions) {
            for (AdminRegions.Region h : home) {
                if (h.level() != r.level()) {
                    continue;
                }
                boolean same = r.code() != null ? r.code().equals(h.code())
                        : AdminRegions.shortName(r).equals(AdminRegions.shortName(h));
                if (!same) {
                    return true;
                }
            }
        }
        return false;
    }

    static String key(String... parts) {
        return String.join("#", parts);
    }
}
