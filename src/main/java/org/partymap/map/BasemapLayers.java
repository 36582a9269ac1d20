package org.partymap.map;

import java.util.List;

/**
 * What the basemap shows at a zoom level (Web-Mercator zoom, 256-pixel tiles): subdistrict
 * outlines always; community outlines from 12; axes and, from 13, main streets, secondary streets
 * from 14 and lanes from 15; estates from 15 and buildings from 16. Geometry is simplified to
 * half a pixel and written with the decimals a pixel needs.
 */
public record BasemapLayers(int zoom, boolean communities, List<String> streetClasses, boolean estates,
                            boolean buildings, double tolerance, int digits) {

    public static final int MIN_ZOOM = 0;
    public static final int MAX_ZOOM = 20;
    /** The widest box answered, in tiles of the zoom level: a desktop screen with a margin. */
    public static final int MAX_TILES_ACROSS = 16;

    public static BasemapLayers at(int zoom) {
        List<String> classes = zoom < 13 ? List.of("axis")
                : zoom < 14 ? List.of("axis", "main")
                : zoom < 15 ? List.of("axis", "main", "secondary")
                : List.of("axis", "main", "secondary", "lane");
        return new BasemapLayers(zoom, zoom >= 12, classes, zoom >= 15, zoom >= 16,
                tileDegrees(zoom) / 256 / 2, zoom <= 12 ? 4 : zoom <= 15 ? 5 : 6);
    }

    /** The width of one tile in degrees of longitude. */
    public static double tileDegrees(int zoom) {
        return 360.0 / (1L << zoom);
    }

    /** The widest box side answered at this zoom, in degrees. */
    public double maxSpan() {
        return zoom <= 8 ? 360 : tileDegrees(zoom) * MAX_TILES_ACROSS;
    }
}
