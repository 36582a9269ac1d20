package org.partymap.layer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The layers a file can be imported into, with the geometry each takes. */
public enum Layer {
    SUBDISTRICTS("subdistricts", "subdistrict", Shape.AREA, List.of("name", "code")),
    COMMUNITIES("communities", "community", Shape.AREA, List.of("name")),
    GRIDS("grids", "grid", Shape.AREA, List.of("name")),
    STREETS("streets", "street", Shape.LINE, List.of("name", "class")),
    ESTATES("estates", "estate", Shape.AREA, List.of("name")),
    BUILDINGS("buildings", "building", Shape.POLYGON, List.of("name")),
    ADDRESSES("addresses", "address", Shape.POINT, List.of("full_address")),
    STATIONS("stations", "station", Shape.POINT, List.of("name", "kind"));

    /** The geometry a layer's features must have. */
    public enum Shape {
        /** Polygon or MultiPolygon, stored as MultiPolygon. */
        AREA("Polygon or MultiPolygon"),
        /** A single Polygon. */
        POLYGON("Polygon"),
        /** LineString, or MultiLineString stored as one row per part. */
        LINE("LineString or MultiLineString"),
        POINT("Point");

        final String description;

        Shape(String description) {
            this.description = description;
        }
    }

    private final String id;
    private final String singular;
    private final Shape shape;
    private final List<String> required;

    Layer(String id, String singular, Shape shape, List<String> required) {
        this.id = id;
        this.singular = singular;
        this.shape = shape;
        this.required = required;
    }

    public String id() {
        return id;
    }

    public Shape shape() {
        return shape;
    }

    public List<String> required() {
        return required;
    }

    /** Point layers may also come as CSV with lon/lat columns. */
    public boolean acceptsCsv() {
        return shape == Shape.POINT;
    }

    /** Stations may be given an address instead of a point, and are then geocoded. */
    public boolean geocodable() {
        return this == STATIONS;
    }

    public static Layer parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(l -> l.id.equals(key) || l.singular.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown layer '" + text + "'; layers are " + names()));
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Layer::id).toList());
    }
}
