package org.partymap.layer;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.geo.Crs;
import org.partymap.http.ApiException;
import org.partymap.http.BodyLimit;
import org.partymap.http.ClientIp;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code POST /api/admin/import?layer=&crs=&format=}: an admin uploads a layer file as the
 * request body — the same import as {@code ./partymap import}, all or nothing. The body may be as
 * large as {@code PARTYMAP_IMPORT_MAX_MB}, an explicit limit of its own instead of the 1 MB
 * every other body is held to. The format is {@code format=geojson|csv}, else the ending of
 * {@code name=}, else the Content-Type ({@code text/csv} or JSON).
 */
public final class LayerUploadController {

    private final LayerImporter importer;
    private final AuditLog audit;
    private final long maxBytes;

    public LayerUploadController(LayerImporter importer, AuditLog audit, long maxBytes) {
        this.importer = importer;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    public void upload(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        Layer layer = parse("layer", () -> Layer.parse(Params.required(ctx, "layer")));
        Crs crs = parse("crs", () -> Crs.parse(Params.text(ctx, "crs", 20).orElse("wgs84")));
        String name = fileName(ctx);
        byte[] bytes = BodyLimit.read(ctx, maxBytes);
        if (bytes.length == 0) {
            throw ApiException.badRequest("empty-body", "send the layer file as the request body");
        }
        LayerImporter.Result result;
        try {
            result = importer.importFile(bytes, name, layer, crs, user.username());
        } catch (LayerImportException e) {
            throw ApiException.unprocessable("import-refused", "the file was refused, nothing was written: " + e.getMessage())
                    .with("problems", e.problems());
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("layer", layer.id());
        detail.put("file", name);
        detail.put("bytes", bytes.length);
        detail.put("inserted", result.inserted());
        detail.put("updated", result.updated());
        audit.record(AuditLog.Actor.of(user, ClientIp.of(ctx)), "layer_import", "layer", layer.id(), detail);
        Responses.jsonOf(ctx, Map.of("layer", layer.id(), "features", result.features(), "inserted", result.inserted(),
                "updated", result.updated(), "assigned", result.assigned(), "description", result.describe()));
    }

    private static String fileName(Context ctx) {
        var format = Params.oneOf(ctx, "format", List.of("geojson", "json", "csv"));
        var name = Params.text(ctx, "name", 100).map(n -> n.replaceAll("[^\\p{L}\\p{N}._-]", "_"));
        if (format.isPresent()) {
            String base = name.orElse("upload");
            return format.get().equals("csv") ? base + ".csv" : base + ".geojson";
        }
        if (name.isPresent()) {
            return name.get();
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        return type.startsWith("text/csv") ? "upload.csv" : "upload.geojson";
    }

    private static <T> T parse(String name, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, e.getMessage());
        }
    }
}
