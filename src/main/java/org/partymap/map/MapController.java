package org.partymap.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.partymap.db.LayerVersions;
import org.partymap.http.ApiException;
import org.partymap.http.KeptAnswers;
import org.partymap.http.Params;
import org.partymap.http.Responses;
import org.partymap.station.NearestService;
import org.partymap.station.StationKind;
import org.partymap.station.StationServices;

/**
 * {@code GET /api/config}: what the map page needs to know before it draws; {@code GET
 * /api/basemap?bbox=&z=}: partymap's own basemap in a box at a zoom level. Basemap answers carry
 * the layers' change counters as their ETag; a request that names the current counters
 * ({@code v=}, as the page does) may be cached for a day, since any change gives a new URL.
 */
public final class MapController {

    /** The layers the basemap is drawn from. */
    public static final List<String> BASEMAP_LAYERS = List.of("subdistrict", "community", "street", "estate", "building");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BasemapRepository basemap;
    private final StationServices services;
    private final LayerVersions versions;
    private final Optional<TileSource> tiles;
    private final KeptAnswers kept;

    public MapController(BasemapRepository basemap, StationServices services, LayerVersions versions, Optional<TileSource> tiles,
                         KeptAnswers kept) {
        this.basemap = basemap;
        this.services = services;
        this.versions = versions;
        this.tiles = tiles;
        this.kept = kept;
    }

    public void config(Context ctx) throws JsonProcessingException {
        var kinds = Arrays.stream(StationKind.values())
                .map(k -> Map.of("code", k.code(), "name", k.chinese())).toList();
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("tiles", tiles.map(t -> Map.of("url", t.url(), "subdomains", t.subdomains(), "attribution", t.attribution(),
                "approval", t.approval(), "crs", t.crs(), "max_zoom", t.maxZoom())).orElse(null));
        body.put("extent", JSON.readTree(basemap.extent()));
        body.put("basemap_version", basemapVersion());
        body.put("kinds", kinds);
        body.put("services", services.all());
        body.put("walking_metres_per_minute", NearestService.METRES_PER_MINUTE);
        ctx.header("Cache-Control", "no-cache");
        Responses.json(ctx, JSON.writeValueAsString(body));
    }

    public void basemap(Context ctx) {
        Envelope box = Params.bbox(ctx).orElseThrow(() -> ApiException.badParameter("bbox", "bbox is required"));
        int zoom = Params.integer(ctx, "z", -1, BasemapLayers.MIN_ZOOM, BasemapLayers.MAX_ZOOM, false);
        if (zoom < 0) {
            throw ApiException.badParameter("z", "z (the zoom level, " + BasemapLayers.MIN_ZOOM + "–" + BasemapLayers.MAX_ZOOM + ") is required");
        }
        BasemapLayers layers = BasemapLayers.at(zoom);
        if (box.getWidth() > layers.maxSpan() || box.getHeight() > layers.maxSpan()) {
            throw ApiException.badParameter("bbox", String.format(java.util.Locale.ROOT,
                    "at zoom %d the box may be at most %.4f degrees wide and high; ask for a smaller box or a lower zoom",
                    zoom, layers.maxSpan()));
        }
        boolean versioned = Params.text(ctx, "v", 64).map(basemapVersion()::equals).orElse(false);
        // the client aligns its boxes to blocks of tiles: the thousandth phone in a street gets a copy of the same bytes
        kept.geojson(ctx, "basemap?" + box + "&" + zoom, BASEMAP_LAYERS, () -> basemap.features(box, layers));
        if (versioned) {
            ctx.header("Cache-Control", "public, max-age=86400");
        }
    }

    /** The change counters of the basemap's layers as one token. */
    private String basemapVersion() {
        return versions.token(BASEMAP_LAYERS);
    }
}
