package org.partymap.grid.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** JTS geometry as GeoJSON for answers: [lon, lat], 7 decimals, no CRS member. */
public final class GeoJson {

    public static final ObjectMapper JSON = new ObjectMapper();

    private GeoJson() {
    }

    public static JsonNode geometry(Geometry g) {
        if (g == null) {
            return JSON.nullNode();
        }
        var writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        try {
            return JSON.readTree(writer.write(g));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode feature(Object id, Geometry g, ObjectNode properties) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        if (id instanceof Integer i) {
            f.put("id", i);
        } else if (id != null) {
            f.put("id", id.toString());
        }
        f.set("geometry", geometry(g));
        f.set("properties", properties);
        return f;
    }

    public static ObjectNode collection(ArrayNode features) {
        ObjectNode c = JSON.createObjectNode();
        c.put("type", "FeatureCollection");
        c.set("features", features);
        return c;
    }
}
