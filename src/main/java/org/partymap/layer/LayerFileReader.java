package org.partymap.layer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.partymap.io.CsvTable;
import org.partymap.io.TextDecoding;

/**
 * Turns the bytes of a layer file into features: a GeoJSON FeatureCollection (or one Feature),
 * or, for point layers, a CSV file whose lon and lat columns make the point and whose other
 * columns are the properties. Stations may come with an address instead of a point (no lon/lat
 * columns, empty lon and lat, or a null GeoJSON geometry); their geometry stays null for the
 * importer to geocode. Problems are collected, not thrown one at a time.
 */
final class LayerFileReader {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LON = List.of("lon", "lng", "longitude", "x", "经度");
    private static final List<String> LAT = List.of("lat", "latitude", "y", "纬度");
    private static final List<String> ADDRESS = List.of("address", "地址");
    /** Chinese column names accepted in CSV headers for the properties they stand for. */
    private static final Map<String, String> COLUMN_ALIASES = Map.ofEntries(
            Map.entry("名称", "name"), Map.entry("站点名称", "name"), Map.entry("类型", "kind"),
            Map.entry("地址", "address"), Map.entry("标准地址", "full_address"), Map.entry("电话", "phone"),
            Map.entry("联系电话", "phone"), Map.entry("开放时间", "hours"), Map.entry("服务", "services"),
            Map.entry("服务项目", "services"), Map.entry("社区", "community"), Map.entry("小区", "estate"),
            Map.entry("道路", "road"), Map.entry("门牌号", "house_number"), Map.entry("户数", "households"));

    private LayerFileReader() {
    }

    static List<LayerFeature> read(byte[] bytes, String fileName, Layer layer) {
        String text;
        try {
            text = TextDecoding.decode(bytes).text();
        } catch (TextDecoding.DecodingException e) {
            throw new LayerImportException(e.getMessage());
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv");
        if (!csv) {
            return readGeoJson(text, layer);
        }
        if (!layer.acceptsCsv()) {
            throw new LayerImportException("layer " + layer.id() + " needs " + layer.shape().description
                    + " geometries, which CSV cannot carry: give a GeoJSON file");
        }
        return readCsv(text, layer);
    }

    private static List<LayerFeature> readGeoJson(String text, Layer layer) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LayerImportException("not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LayerImportException("not a GeoJSON object: expected a FeatureCollection");
        }
        String type = root.path("type").asText();
        List<JsonNode> features = new ArrayList<>();
        if ("Feature".equals(type)) {
            features.add(root);
        } else if ("FeatureCollection".equals(type) && root.path("features").isArray()) {
            root.path("features").forEach(features::add);
        } else {
            throw new LayerImportException("expected a GeoJSON FeatureCollection, found "
                    + (type.isEmpty() ? "an object without a type" : "type '" + type + "'")
                    + ("FeatureCollection".equals(type) ? " without a features array" : ""));
        }
        if (features.isEmpty()) {
            throw new LayerImportException("the FeatureCollection has no features");
        }
        var problems = new ArrayList<String>();
        var out = new ArrayList<LayerFeature>();
        var reader = new GeoJsonReader(FACTORY);
        for (int i = 0; i < features.size() && problems.size() < LayerImportException.MAX_PROBLEMS; i++) {
            String where = "feature " + (i + 1);
            JsonNode f = features.get(i);
            if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
                problems.add(where + ": not a GeoJSON Feature");
                continue;
            }
            JsonNode g = f.get("geometry");
            boolean byAddress = layer.geocodable() && (g == null || g.isNull()) && !f.at("/properties/address").asText().isBlank();
            if (!byAddress && (g == null || g.isNull() || !g.isObject())) {
                problems.add(where + ": has no geometry" + (layer.geocodable() ? " and no address to geocode" : ""));
                continue;
            }
            Geometry geometry = null;
            try {
                geometry = byAddress ? null : reader.read(g.toString());
            } catch (Exception e) {
                problems.add(where + ": the geometry cannot be read (" + e.getMessage() + ")");
                continue;
            }
            JsonNode p = f.path("properties");
            if (!p.isObject() && !p.isNull() && !p.isMissingNode()) {
                problems.add(where + ": properties must be an object");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> props = p.isObject() ? JSON.convertValue(p, LinkedHashMap.class) : new LinkedHashMap<>();
            out.add(new LayerFeature(where, geometry, props));
        }
        if (!problems.isEmpty()) {
            throw new LayerImportException(problems);
        }
        return out;
    }

    private static List<LayerFeature> readCsv(String text, Layer layer) {
        CsvTable table;
        try {
            table = CsvTable.parse(text);
        } catch (CsvTable.CsvException e) {
            throw new LayerImportException(e.getMessage());
        }
        int lonCol = table.column(LON.toArray(String[]::new)).orElse(-1);
        int latCol = table.column(LAT.toArray(String[]::new)).orElse(-1);
        int addressCol = layer.geocodable() ? table.column(ADDRESS.toArray(String[]::new)).orElse(-1) : -1;
        String orAddress = layer.geocodable() ? " and no address column to geocode (" + String.join(", ", ADDRESS) + ")" : "";
        if (lonCol < 0 && addressCol < 0) {
            throw new LayerImportException("the CSV header has no longitude column (one of " + String.join(", ", LON) + ")" + orAddress);
        }
        if (latCol < 0 && addressCol < 0) {
            throw new LayerImportException("the CSV header has no latitude column (one of " + String.join(", ", LAT) + ")" + orAddress);
        }
        if (table.rows().isEmpty()) {
            throw new LayerImportException("the CSV file has a header but no rows");
        }
        var problems = new ArrayList<String>();
        var out = new ArrayList<LayerFeature>();
        for (CsvTable.Row row : table.rows()) {
            if (problems.size() >= LayerImportException.MAX_PROBLEMS) {
                break;
            }
            String where = "line " + row.line();
            String rawLon = lonCol < 0 ? "" : row.fields().get(lonCol).strip();
            String rawLat = latCol < 0 ? "" : row.fields().get(latCol).strip();
            Geometry point = null;
            if (rawLon.isEmpty() && rawLat.isEmpty() && addressCol >= 0) {
                if (row.fields().get(addressCol).isBlank()) {
                    problems.add(where + ": neither lon and lat nor an address to geocode");
                    continue;
                }
            } else {
                Double lon = number(rawLon);
                Double lat = number(rawLat);
                if (lon == null || lat == null) {
                    problems.add(where + ": lon and lat must be decimal numbers, not '" + rawLon + "', '" + rawLat + "'");
                    continue;
                }
                point = FACTORY.createPoint(new Coordinate(lon, lat));
            }
            var props = new LinkedHashMap<String, Object>();
            for (int c = 0; c < table.header().size(); c++) {
                String value = row.fields().get(c).strip();
                if (c != lonCol && c != latCol && !value.isEmpty()) {
                    String name = table.header().get(c).strip();
                    props.put(COLUMN_ALIASES.getOrDefault(name, name.toLowerCase(Locale.ROOT)), value);
                }
            }
            out.add(new LayerFeature(where, point, props));
        }
        if (!problems.isEmpty()) {
            throw new LayerImportException(problems);
        }
        return out;
    }

    private static Double number(String raw) {
        String s = raw.strip();
        if (!s.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }
}
