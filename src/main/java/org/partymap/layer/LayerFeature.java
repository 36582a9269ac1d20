package org.partymap.layer;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer file as read, before validation.
 *
 * @param where      where it is in the file, for messages: "feature 3" or "line 7"
 * @param geometry   in the file's coordinate system until the importer converts it; null for a
 *                   station given by its address, which the importer geocodes
 * @param properties JSON values (String, Number, Boolean, List, Map) or CSV text
 */
public record LayerFeature(String where, Geometry geometry, Map<String, Object> properties) {
}
