package org.partymap.planner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.partymap.auth.AccessControl;
import org.partymap.auth.User;
import org.partymap.grid.edit.GeoJson;
import org.partymap.http.ApiException;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code GET /api/planner/export}: grids, communities and stations of the caller's subdistricts
 * (or of one subdistrict or community) for QGIS — {@code format=gpkg} (the default) gives one
 * GeoPackage with the three layers, {@code format=geojson&layer=grids} one layer as GeoJSON.
 * Grids carry their counts (residents counted, never listed).
 */
public final class ExportController {

    public static final String GEOPACKAGE = "application/geopackage+sqlite3";

    private final ExportRepository exports;
    private final PlannerRepository planner;

    ExportController(ExportRepository exports, PlannerRepository planner) {
        this.exports = exports;
        this.planner = planner;
    }

    public void export(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        String format = Params.oneOf(ctx, "format", List.of("gpkg", "geojson")).orElse("gpkg");
        Optional<ExportLayer> layer = Params.oneOf(ctx, "layer", ExportLayer.ids()).map(ExportLayer::of);
        Optional<Integer> subdistrict = Params.optionalId(ctx, "subdistrict");
        Optional<Integer> community = Params.optionalId(ctx, "community");
        if (format.equals("geojson") && layer.isEmpty()) {
            throw ApiException.badParameter("layer", "a GeoJSON export is one layer: layer=grids, communities or stations");
        }
        var scope = scope(user, subdistrict, community);
        String name = "partymap-" + (community.map(c -> "community-" + c).or(() -> subdistrict.map(s -> "subdistrict-" + s)).orElse("all"));
        if (format.equals("geojson")) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-" + layer.get().id() + ".geojson\"");
            Responses.geojson(ctx, geojson(layer.get(), exports.rows(layer.get(), scope)).toString());
            return;
        }
        var layers = new LinkedHashMap<ExportLayer, List<ExportRepository.Row>>();
        for (ExportLayer l : layer.map(List::of).orElse(List.of(ExportLayer.values()))) {
            layers.put(l, exports.rows(l, scope));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".gpkg\"");
        ctx.contentType(GEOPACKAGE).result(geopackage(layers));
    }

    private ExportRepository.Scope scope(User user, Optional<Integer> subdistrict, Optional<Integer> community) {
        if (community.isPresent()) {
            int s = planner.subdistrictOfCommunity(community.get())
                    .orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + community.get()));
            user.requireSubdistrict(s);
            if (subdistrict.isPresent() && subdistrict.get() != s) {
                throw ApiException.badParameter("community", "community " + community.get() + " is not in subdistrict " + subdistrict.get());
            }
            return new ExportRepository.Scope(false, Set.of(s), community.get());
        }
        if (subdistrict.isPresent()) {
            user.requireSubdistrict(subdistrict.get());
            return new ExportRepository.Scope(false, Set.of(subdistrict.get()), null);
        }
        return new ExportRepository.Scope(user.isAdmin(), user.subdistricts(), null);
    }

    private static ObjectNode geojson(ExportLayer layer, List<ExportRepository.Row> rows) {
        ArrayNode features = GeoJson.JSON.createArrayNode();
        for (ExportRepository.Row r : rows) {
            ObjectNode p = GeoJson.JSON.createObjectNode();
            for (int i = 0; i < layer.columns().size(); i++) {
                p.putPOJO(layer.columns().get(i).name(), r.values().get(i));
            }
            features.add(GeoJson.feature(r.values().get(0) instanceof Long id ? (Object) id.intValue() : null, r.geometry(), p));
        }
        ObjectNode out = GeoJson.collection(features);
        out.put("name", layer.id());
        return out;
    }

    private static byte[] geopackage(LinkedHashMap<ExportLayer, List<ExportRepository.Row>> layers) {
        Path file = null;
        try {
            file = Files.createTempFile("partymap-export", ".gpkg");
            Files.delete(file);
            GeoPackageWriter.write(file.toFile(), layers);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
