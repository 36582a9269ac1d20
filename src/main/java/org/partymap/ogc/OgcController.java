package org.partymap.ogc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.partymap.db.LayerVersions;
import org.partymap.http.ApiException;
import org.partymap.http.BaseUrl;
import org.partymap.http.KeptAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of /ogc: landing page, conformance, collections, one collection, its items, one
 * feature, its queryables and its schema, each as JSON or HTML (see {@link OgcFormat}).
 */
public final class OgcController {

    private static final Logger log = LoggerFactory.getLogger(OgcController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The layers the collections are made of: an extent is kept while their counters stay as they are. */
    static final List<String> LAYERS = List.of("subdistrict", "community", "grid", "party_group", "station", "street", "estate",
            "building", "address");

    private final CollectionCatalog catalog;
    private final FeatureRepository features;
    private final FeatureRepository primary;
    private final LayerVersions versions;
    private final Optional<URI> publicUrl;
    private final KeptAnswers kept;
    private final Map<String, KeptExtent> extents = new ConcurrentHashMap<>();

    /** A collection's extent as computed for one version of the layers. */
    private record KeptExtent(String version, FeatureRepository.Extent extent) {
    }

    /**
     * {@code features} reads the pages (the replica, when there is one); the extents are read from
     * {@code primary} and kept per version of the layers, since every collection document carries one.
     */
    public OgcController(CollectionCatalog catalog, FeatureRepository features, FeatureRepository primary, LayerVersions versions,
                         KeptAnswers kept, Optional<URI> publicUrl) {
        this.kept = kept;
        this.catalog = catalog;
        this.features = features;
        this.primary = primary;
        this.versions = versions;
        this.publicUrl = publicUrl;
    }

    /** The extent of a collection, computed once per version of the layers (the last one kept while the database is away). */
    FeatureRepository.Extent extent(OgcCollection c) {
        var version = versions.current(LAYERS);
        KeptExtent kept = extents.get(c.id());
        if (kept != null && (version.isEmpty() || kept.version().equals(version.get()))) {
            return kept.extent();
        }
        KeptExtent fresh = new KeptExtent(version.orElse(""), primary.extent(c));
        extents.put(c.id(), fresh);
        return fresh.extent();
    }

    /**
     * A before-filter for /ogc: the layers are public and read without credentials, so a web map
     * on another site may read them too (OGC API - Features recommends cross-origin access).
     */
    public static void allowAnyOrigin(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
    }

    public void landing(Context ctx) throws JsonProcessingException {
        OgcUrls u = urls(ctx);
        ObjectNode doc = OgcDocuments.landing(u);
        respond(ctx, OgcUrls.JSON, doc, () -> OgcHtml.landing(u, doc));
    }

    public void conformance(Context ctx) throws JsonProcessingException {
        OgcUrls u = urls(ctx);
        ObjectNode doc = OgcDocuments.conformance();
        respond(ctx, OgcUrls.JSON, doc, () -> OgcHtml.conformance(u, doc));
    }

    /** The catalogue, kept per layer version, public address and format: a GIS client's first call costs a copy. */
    public void collections(Context ctx) {
        OgcUrls u = urls(ctx);
        boolean html = OgcFormat.of(ctx) == OgcFormat.HTML;
        kept.text(ctx, "ogc/collections " + u.landing() + (html ? " html" : " json"), LAYERS,
                html ? OgcUrls.HTML + "; charset=utf-8" : OgcUrls.JSON, () -> {
                    List<ObjectNode> all = catalog.all().stream().map(c -> OgcDocuments.collection(u, c, extent(c))).toList();
                    ObjectNode doc = OgcDocuments.collections(u, all);
                    try {
                        return html ? OgcHtml.collections(u, doc) : JSON.writeValueAsString(doc);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("the catalogue is not JSON", e);
                    }
                });
    }

    public void collection(Context ctx) throws JsonProcessingException {
        OgcUrls u = urls(ctx);
        OgcCollection c = collectionOf(ctx);
        ObjectNode doc = OgcDocuments.collection(u, c, extent(c));
        respond(ctx, OgcUrls.JSON, doc, () -> OgcHtml.collection(u, c, doc));
    }

    /** Streams one page: see {@link FeatureRepository#page}. */
    public void items(Context ctx) {
        OgcCollection c = collectionOf(ctx);
        FeatureQuery q = FeatureQuery.from(ctx, c);
        ItemsPage page = new ItemsPage(urls(ctx), c, q);
        FeatureRepository.PageSink sink = OgcFormat.of(ctx) == OgcFormat.HTML
                ? new HtmlPageSink(ctx, page) : new GeoJsonPageSink(ctx, page);
        try {
            features.page(c, q, sink);
        } catch (IOException e) {
            log.info("{} {}: the client went away during the response ({})", ctx.method(), ctx.path(), e.getMessage());
        }
    }

    public void item(Context ctx) throws JsonProcessingException {
        OgcUrls u = urls(ctx);
        OgcCollection c = collectionOf(ctx);
        String raw = ctx.pathParam("featureId");
        ApiException missing = ApiException.notFound("feature-not-found", "the collection " + c.id() + " has no feature '" + raw + "'");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw missing;
        }
        ObjectNode feature = (ObjectNode) JSON.readTree(features.one(c, id).orElseThrow(() -> missing));
        feature.putArray("links").addAll(List.of(
                OgcUrls.link(OgcUrls.json(u.item(c.id(), id)), "self", OgcUrls.GEOJSON, "this feature"),
                OgcUrls.link(OgcUrls.html(u.item(c.id(), id)), "alternate", OgcUrls.HTML, "this feature as HTML"),
                OgcUrls.link(OgcUrls.json(u.collection(c.id())), "collection", OgcUrls.JSON, c.title())));
        respond(ctx, OgcUrls.GEOJSON, feature, () -> OgcHtml.feature(u, c, feature));
    }

    public void queryables(Context ctx) throws JsonProcessingException {
        OgcUrls u = urls(ctx);
        OgcCollection c = collectionOf(ctx);
        respond(ctx, OgcUrls.SCHEMA, OgcDocuments.queryables(u, c), () -> OgcHtml.queryables(u, c));
    }

    public void schema(Context ctx) throws JsonProcessingException {
        OgcUrls u = urls(ctx);
        OgcCollection c = collectionOf(ctx);
        respond(ctx, OgcUrls.SCHEMA, OgcDocuments.schema(u, c), () -> OgcHtml.schema(u, c));
    }

    private OgcCollection collectionOf(Context ctx) {
        return catalog.get(ctx.pathParam("collectionId"));
    }

    private OgcUrls urls(Context ctx) {
        return new OgcUrls(BaseUrl.of(ctx, publicUrl));
    }

    private interface HtmlView {
        String render();
    }

    /** JSON goes out as UTF-8 bytes: Jetty would encode a String for application/geo+json as ISO-8859-1. */
    private static void respond(Context ctx, String jsonType, JsonNode doc, HtmlView html) throws JsonProcessingException {
        if (OgcFormat.of(ctx) == OgcFormat.HTML) {
            ctx.contentType(OgcUrls.HTML + "; charset=utf-8").result(html.render());
        } else {
            ctx.contentType(jsonType).result(JSON.writeValueAsBytes(doc));
        }
    }
}
