package org.partymap.ogc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One collection of /ogc, as a row of {@code ogc/collections.yaml} defines it.
 *
 * @param view         the view in the database schema {@code ogc} the features come from
 * @param geometryType the GeoJSON type of every geometry (MultiPolygon, Point, ...)
 * @param where        fixed conditions (column → value) for collections that are a part of a view
 */
public record OgcCollection(String id, String title, String description, String view, String geometryType,
                            Map<String, String> where, Optional<Temporal> time, List<Property> properties) {

    public Optional<Property> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The properties a client may filter on, in publishing order. */
    public List<Property> queryables() {
        return properties.stream().filter(Property::queryable).toList();
    }
}
