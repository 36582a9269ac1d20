package org.partymap.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes a page of features as a GeoJSON FeatureCollection while they are read: the members that
 * are known first (links, numberMatched), each feature as PostGIS wrote it, and numberReturned
 * last. Nothing is written before the first row is ready, so an SQL error is still a clean 4xx/5xx.
 */
final class GeoJsonPageSink implements FeatureRepository.PageSink {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Bytes collected before they go to the network. */
    static final int BUFFER = 64 * 1024;

    private final Context ctx;
    private final ItemsPage page;
    private Writer out;
    private boolean first = true;

    GeoJsonPageSink(Context ctx, ItemsPage page) {
        this.ctx = ctx;
        this.page = page;
    }

    static Writer open(Context ctx, String contentType) {
        ctx.contentType(contentType);
        return new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), BUFFER);
    }

    @Override
    public void start(long numberMatched) throws IOException {
        ObjectNode head = JSON.createObjectNode()
                .put("type", "FeatureCollection")
                .put("timeStamp", Instant.now().toString())
                .put("numberMatched", numberMatched);
        head.putArray("links").addAll(page.links(numberMatched));
        String text = JSON.writeValueAsString(head);
        out = open(ctx, OgcUrls.GEOJSON);
        out.write(text, 0, text.length() - 1);
        out.write(",\"features\":[");
    }

    @Override
    public void feature(String geojson) throws IOException {
        if (!first) {
            out.write(',');
        }
        first = false;
        out.write(geojson);
    }

    @Override
    public void end(int numberReturned) throws IOException {
        out.write("],\"numberReturned\":" + numberReturned + "}");
        out.flush();
    }
}
