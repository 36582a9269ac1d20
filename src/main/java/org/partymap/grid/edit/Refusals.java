package org.partymap.grid.edit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.partymap.http.ApiException;

/**
 * A refused edit as 422 problem+json: {@code errors} and {@code warnings} (type, detail, grid,
 * place as GeoJSON) and {@code places}, a FeatureCollection of every offending place for the map
 * to draw. The problem type names the first error: {@code /problems/grid-overlap},
 * {@code /problems/grid-invalid-geometry}, {@code /problems/grid-sliver}, ...
 */
final class Refusals {

    private Refusals() {
    }

    static ApiException of(List<Finding> errors, List<Finding> warnings) {
        var places = GeoJson.JSON.createArrayNode();
        for (Finding f : errors) {
            if (f.place() != null && !f.place().isEmpty()) {
                ObjectNode p = GeoJson.JSON.createObjectNode();
                p.put("type", f.type());
                p.put("detail", f.detail());
                if (f.grid() != null) {
                    p.put("grid", f.grid());
                }
                places.add(GeoJson.feature(null, f.place(), p));
            }
        }
        String detail = String.join("；", errors.stream().limit(3).map(Finding::detail).toList())
                + (errors.size() > 3 ? "；另有 " + (errors.size() - 3) + " 处 (and " + (errors.size() - 3) + " more)" : "");
        return ApiException.unprocessable("grid-" + errors.get(0).type(), detail)
                .with("errors", findings(errors))
                .with("warnings", findings(warnings))
                .with("places", GeoJson.collection(places));
    }

    static ArrayNode findings(List<Finding> findings) {
        var out = GeoJson.JSON.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = out.addObject();
            o.put("type", f.type());
            o.put("detail", f.detail());
            if (f.grid() == null) {
                o.putNull("grid");
            } else {
                o.put("grid", f.grid());
            }
            o.set("place", GeoJson.geometry(f.place() == null || f.place().isEmpty() ? null : f.place()));
        }
        return out;
    }
}
