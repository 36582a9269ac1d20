package org.partymap.geocode;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * From a point to what is there: the nearest standard address (within {@link #MAX_DISTANCE}
 * metres) with its distance, and the grid, community and subdistrict that contain the point.
 * Everything comes from the in-memory gazetteer: the addresses in an R-tree, the areas with JTS
 * point-in-polygon, the same rule as the database on shared boundaries (lowest id).
 */
public final class ReverseGeocoder {

    /** Beyond this many metres the nearest address is not "there" any more, and none is given. */
    public static final double MAX_DISTANCE = 1000;

    /** An area named in an answer. */
    @JsonPropertyOrder({"id", "code", "name"})
    public record AreaRef(int id, String code, String name) {
        static AreaRef of(Places.Area a) {
            return a == null ? null : new AreaRef(a.id(), a.code(), a.name());
        }
    }

    /** The nearest standard address; distance in metres. */
    @JsonPropertyOrder({"address", "lon", "lat", "distance_m", "grid"})
    public record NearestAddress(String address, double lon, double lat, @JsonProperty("distance_m") double distanceM,
                                 GridRef grid) {
    }

    /** The answer for one point; each part is null when there is none. */
    @JsonPropertyOrder({"lon", "lat", "address", "grid", "community", "subdistrict"})
    public record Answer(double lon, double lat, NearestAddress address, GridRef grid, AreaRef community,
                         AreaRef subdistrict) {
    }

    private final Gazetteer g;

    public ReverseGeocoder(Gazetteer gazetteer) {
        this.g = gazetteer;
    }

    public Answer reverse(double lon, double lat) {
        Gazetteer.Nearest nearest = g.nearestAddress(lon, lat);
        NearestAddress address = nearest == null || nearest.distance() > MAX_DISTANCE ? null
                : new NearestAddress(nearest.address().fullAddress(), nearest.address().lon(), nearest.address().lat(),
                        Math.round(nearest.distance() * 10) / 10.0, nearest.address().grid());
        return new Answer(lon, lat, address, g.gridAt(lon, lat), AreaRef.of(g.communityAt(lon, lat)),
                AreaRef.of(g.subdistrictAt(lon, lat)));
    }
}
