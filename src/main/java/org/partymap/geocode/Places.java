package org.partymap.geocode;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The places of the gazetteer as the matcher holds them in memory. Points are WGS-84 lon/lat;
 * {@code grid} is null for a place outside every grid. Ids are the database ids.
 */
public final class Places {

    private Places() {
    }

    /**
     * A standard address (标准地址) with the components the matcher looks it up by.
     *
     * @param road        normalised road name, or null
     * @param houseNumber normalised house number ("12", "12-1"), or null
     * @param estateId    0 when it belongs to no estate
     * @param building    building number ("3"), or null
     * @param unit        unit number ("2"), or null
     */
    public record Address(int id, String fullAddress, String road, String houseNumber, int estateId, String building,
                          String unit, double lon, double lat, GridRef grid) {
    }

    /** A building (楼栋) of an estate; its point is on its footprint. */
    public record Building(int id, int estateId, String name, String number, double lon, double lat, GridRef grid) {
    }

    /**
     * An estate (小区) with its other names.
     *
     * @param radius the farthest its boundary lies from its point, metres
     */
    public record Estate(int id, String name, List<String> aliases, int communityId, double lon, double lat,
                         double radius, GridRef grid) {
    }

    /**
     * One noded segment of a street centre line with its house-number ranges (0 where a side has
     * none): numbers run from *From at the first vertex to *To at the last, left and right as seen
     * walking that way.
     *
     * @param coordinates lon, lat, lon, lat, ... of its vertices
     */
    public record Segment(int id, String name, int leftFrom, int leftTo, int rightFrom, int rightTo, double[] coordinates) {
    }

    /** A subdistrict (街道) or community (社区); {@code parentId} is a community's subdistrict, 0 for a subdistrict. */
    public record Area(int id, String code, String name, int parentId, double lon, double lat, Geometry geometry,
                       GridRef grid) {
    }

    /** A service station (党群服务中心, 网格驿站, 党员活动室, 图书室). */
    public record Station(int id, String kind, String name, String address, double lon, double lat, GridRef grid) {
    }

    /** A grid polygon, for point-in-polygon. */
    public record Grid(GridRef ref, Geometry geometry) {
    }
}
