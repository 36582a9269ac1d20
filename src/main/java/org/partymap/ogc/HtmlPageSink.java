package org.partymap.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.Writer;

/** Writes a page of features as an HTML table while they are read, one row per feature. */
final class HtmlPageSink implements FeatureRepository.PageSink {

    private final Context ctx;
    private final ItemsPage page;
    private Writer out;
    private long matched;

    HtmlPageSink(Context ctx, ItemsPage page) {
        this.ctx = ctx;
        this.page = page;
    }

    @Override
    public void start(long numberMatched) throws IOException {
        matched = numberMatched;
        OgcCollection c = page.collection;
        OgcUrls u = page.urls;
        out = GeoJsonPageSink.open(ctx, OgcUrls.HTML + "; charset=utf-8");
        out.write(OgcHtml.head(c.title(), OgcHtml.trail(u, "collections", OgcUrls.html(u.collections()),
                c.id(), OgcUrls.html(u.collection(c.id())), "items", null)));
        out.write(pager());
        out.write("<table class=\"items\"><thead><tr><th>id</th>");
        for (Property p : c.properties()) {
            out.write("<th>" + OgcHtml.esc(p.title()) + "<br><code>" + OgcHtml.esc(p.name()) + "</code></th>");
        }
        out.write("</tr></thead><tbody>\n");
    }

    @Override
    public void feature(String geojson) throws IOException {
        JsonNode f = GeoJsonPageSink.JSON.readTree(geojson);
        long id = f.path("id").asLong();
        out.write("<tr><td><a href=\"" + OgcHtml.esc(OgcUrls.html(page.urls.item(page.collection.id(), id))) + "\">" + id + "</a></td>");
        for (Property p : page.collection.properties()) {
            out.write("<td>" + OgcHtml.esc(OgcHtml.value(f.path("properties").path(p.name()))) + "</td>");
        }
        out.write("</tr>\n");
    }

    @Override
    public void end(int numberReturned) throws IOException {
        out.write("</tbody></table>");
        out.write(pager());
        out.write(OgcHtml.foot(page.url(page.query.offset(), OgcFormat.JSON)));
        out.flush();
    }

    private String pager() {
        var p = new StringBuilder("<p class=\"pager\">");
        long from = matched == 0 ? 0 : Math.min(page.query.offset() + 1, matched);
        long to = Math.min(page.query.offset() + page.query.limit(), matched);
        p.append(from).append("–").append(to).append(" of ").append(matched).append(" features");
        page.prev().ifPresent(o -> p.append(" · <a rel=\"prev\" href=\"").append(OgcHtml.esc(page.url(o, OgcFormat.HTML))).append("\">previous</a>"));
        page.next(matched).ifPresent(o -> p.append(" · <a rel=\"next\" href=\"").append(OgcHtml.esc(page.url(o, OgcFormat.HTML))).append("\">next</a>"));
        return p.append("</p>").toString();
    }
}
