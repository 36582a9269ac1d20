package org.partymap.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML views of /ogc (the HTML conformance class): plain pages that a person can browse, the
 * same content as the JSON, styled by {@code /css/ogc.css}, with no script at all.
 */
final class OgcHtml {

    /** One step of the breadcrumb trail: a label and its URL (null for the current page). */
    record Crumb(String label, String href) {
    }

    private OgcHtml() {
    }

    static String head(String title, List<Crumb> trail) {
        var nav = new StringBuilder();
        for (Crumb c : trail) {
            nav.append(c.href() == null ? "<span>" + esc(c.label()) + "</span>"
                    : "<a href=\"" + esc(c.href()) + "\">" + esc(c.label()) + "</a>").append(" › ");
        }
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/css/ogc.css"></head>
                <body><header><nav>%s</nav></header><main><h1>%s</h1>
                """.formatted(esc(title), nav.substring(0, Math.max(0, nav.length() - 3)), esc(title));
    }

    static String foot(String jsonHref) {
        return "<footer><a href=\"" + esc(jsonHref) + "\">JSON</a> · <a href=\"/api.html\">API</a></footer></main></body></html>\n";
    }

    static List<Crumb> trail(OgcUrls u, String... labelsAndHrefs) {
        var trail = new ArrayList<Crumb>();
        trail.add(new Crumb("partymap OGC API", OgcUrls.html(u.landing())));
        for (int i = 0; i + 1 < labelsAndHrefs.length; i += 2) {
            trail.add(new Crumb(labelsAndHrefs[i], labelsAndHrefs[i + 1]));
        }
        return trail;
    }

    static String landing(OgcUrls u, ObjectNode doc) {
        return head(doc.path("title").asText(), List.of(new Crumb("partymap OGC API", null)))
                + "<p>" + esc(doc.path("description").asText()) + "</p>"
                + links(doc.path("links"))
                + foot(OgcUrls.json(u.landing()));
    }

    static String conformance(OgcUrls u, ObjectNode doc) {
        var body = new StringBuilder("<ul>");
        doc.path("conformsTo").forEach(c -> body.append("<li><code>").append(esc(c.asText())).append("</code></li>"));
        return head("Conformance 符合的标准", trail(u, "conformance", null)) + body + "</ul>" + foot(OgcUrls.json(u.conformance()));
    }

    static String collections(OgcUrls u, ObjectNode doc) {
        var body = new StringBuilder("<table><thead><tr><th>id</th><th>title</th><th>extent (CRS84)</th><th>features</th></tr></thead><tbody>");
        for (JsonNode c : doc.path("collections")) {
            String id = c.path("id").asText();
            body.append("<tr><td><a href=\"").append(esc(OgcUrls.html(u.collection(id)))).append("\">").append(esc(id))
                    .append("</a></td><td>").append(esc(c.path("title").asText()))
                    .append("</td><td>").append(esc(c.at("/extent/spatial/bbox/0").toString()))
                    .append("</td><td><a href=\"").append(esc(OgcUrls.html(u.items(id)))).append("\">items</a></td></tr>");
        }
        return head("Collections 图层", trail(u, "collections", null)) + body + "</tbody></table>" + foot(OgcUrls.json(u.collections()));
    }

    static String collection(OgcUrls u, OgcCollection c, ObjectNode doc) {
        var body = new StringBuilder("<p>").append(esc(c.description())).append("</p><dl>");
        body.append("<dt>id</dt><dd><code>").append(esc(c.id())).append("</code></dd>");
        body.append("<dt>geometry</dt><dd>").append(esc(c.geometryType())).append("</dd>");
        body.append("<dt>spatial extent (CRS84)</dt><dd>").append(esc(doc.at("/extent/spatial/bbox/0").toString())).append("</dd>");
        if (doc.at("/extent/temporal").isObject()) {
            body.append("<dt>temporal extent</dt><dd>").append(esc(doc.at("/extent/temporal/interval/0").toString())).append("</dd>");
        }
        body.append("</dl><h2>Properties 属性</h2>").append(properties(c.properties()));
        return head(c.title(), trail(u, "collections", OgcUrls.html(u.collections()), c.id(), null))
                + body + links(doc.path("links")) + foot(OgcUrls.json(u.collection(c.id())));
    }

    static String queryables(OgcUrls u, OgcCollection c) {
        return propertyPage(u, c, "queryables", u.queryables(c.id()),
                "Filter the features with <code>?name=value</code> on these properties.", c.queryables());
    }

    static String schema(OgcUrls u, OgcCollection c) {
        return propertyPage(u, c, "schema", u.schema(c.id()),
                "Every feature has an integer id, a " + esc(c.geometryType()) + " geometry (CRS84) and these properties.",
                c.properties());
    }

    private static String propertyPage(OgcUrls u, OgcCollection c, String what, String jsonUrl, String intro, List<Property> list) {
        return head(what + " of " + c.title(), trail(u, "collections", OgcUrls.html(u.collections()),
                c.id(), OgcUrls.html(u.collection(c.id())), what, null))
                + "<p>" + intro + "</p>" + properties(list) + foot(OgcUrls.json(jsonUrl));
    }

    static String feature(OgcUrls u, OgcCollection c, JsonNode feature) {
        long id = feature.path("id").asLong();
        var body = new StringBuilder("<table><tbody>");
        body.append("<tr><th>id</th><td>").append(id).append("</td></tr>");
        body.append("<tr><th>geometry</th><td>").append(esc(feature.at("/geometry/type").asText("none"))).append("</td></tr>");
        for (Property p : c.properties()) {
            body.append("<tr><th>").append(esc(p.title())).append(" <code>").append(esc(p.name())).append("</code></th><td>")
                    .append(esc(value(feature.path("properties").path(p.name())))).append("</td></tr>");
        }
        return head(c.title() + " " + id, trail(u, "collections", OgcUrls.html(u.collections()),
                c.id(), OgcUrls.html(u.collection(c.id())), "items", OgcUrls.html(u.items(c.id())), Long.toString(id), null))
                + body + "</tbody></table>" + foot(OgcUrls.json(u.item(c.id(), id)));
    }

    /** A property value as text: lists joined with 、, JSON as JSON, null as empty. */
    static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isArray() && allText(v)) {
            var parts = new ArrayList<String>();
            v.forEach(e -> parts.add(e.asText()));
            return String.join("、", parts);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static String properties(List<Property> properties) {
        var t = new StringBuilder("<table><thead><tr><th>name</th><th>type</th><th>title</th><th>queryable</th></tr></thead><tbody>");
        for (Property p : properties) {
            t.append("<tr><td><code>").append(esc(p.name())).append("</code></td><td>").append(esc(p.type().code()))
                    .append("</td><td>").append(esc(p.title())).append("</td><td>").append(p.queryable() ? "yes" : "")
                    .append("</td></tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static String links(JsonNode links) {
        var ul = new StringBuilder("<h2>Links</h2><ul class=\"links\">");
        links.forEach(l -> ul.append("<li><a href=\"").append(esc(l.path("href").asText())).append("\">")
                .append(esc(l.path("title").asText(l.path("href").asText()))).append("</a> <span class=\"rel\">")
                .append(esc(l.path("rel").asText())).append(" · ").append(esc(l.path("type").asText())).append("</span></li>"));
        return ul.append("</ul>").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        var out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
