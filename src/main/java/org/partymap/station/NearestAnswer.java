package org.partymap.station;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The walking answer of {@code /api/nearest}, as it is written to JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NearestAnswer(String mode, Origin origin, Routing routing, List<Station> stations, List<Station> included) {

    /** Where the walks start; for {@code address=}, the standard address it matched, how precisely and how surely. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(double lon, double lat, String address, String level, Double score) {
    }

    /**
     * Whether walks could be computed from the origin. {@code exact}: the stations are the
     * nearest by walking distance, not only among the candidates nearest in a straight line.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Routing(boolean available, String reason, String detail, String street,
                          @JsonProperty("snap_distance_m") Long snapDistance, Boolean exact) {
    }

    /** A station with its straight-line distance and, where there is one, its walk. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Station(int id, String kind, String name, String address, String hours, String phone,
                          List<String> services, @JsonProperty("grid_id") Integer gridId,
                          @JsonProperty("community_id") Integer communityId, double lon, double lat,
                          @JsonProperty("distance_m") long distance, WalkInfo walk,
                          @JsonProperty("no_route") String noRoute) {
    }

    /** The walk to a station: metres, minutes at an easy pace, the streets and the line to draw. */
    public record WalkInfo(@JsonProperty("distance_m") long distance, int minutes, List<String> via, LineString route) {
    }

    /** A GeoJSON LineString. */
    public record LineString(String type, double[][] coordinates) {
        public LineString(double[][] coordinates) {
            this("LineString", coordinates);
        }
    }
}
