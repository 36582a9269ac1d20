package org.partymap.ogc;

import static org.partymap.ogc.OgcUrls.link;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * The place of one page of features among all that a query matches, and its links: self,
 * alternate, next and prev (offset paging; the links repeat every other parameter), collection.
 */
final class ItemsPage {

    final OgcUrls urls;
    final OgcCollection collection;
    final FeatureQuery query;

    ItemsPage(OgcUrls urls, OgcCollection collection, FeatureQuery query) {
        this.urls = urls;
        this.collection = collection;
        this.query = query;
    }

    OptionalLong next(long matched) {
        long next = query.offset() + query.limit();
        return next < matched ? OptionalLong.of(next) : OptionalLong.empty();
    }

    OptionalLong prev() {
        return query.offset() > 0 ? OptionalLong.of(Math.max(0, query.offset() - query.limit())) : OptionalLong.empty();
    }

    /** This query at another offset, in a format. */
    String url(long offset, OgcFormat format) {
        var params = new LinkedHashMap<>(query.echo());
        if (offset > 0) {
            params.put("offset", Long.toString(offset));
        }
        params.put("f", format == OgcFormat.HTML ? "html" : "json");
        return OgcUrls.query(urls.items(collection.id()), params);
    }

    List<ObjectNode> links(long matched) {
        var links = new ArrayList<ObjectNode>();
        links.add(link(url(query.offset(), OgcFormat.JSON), "self", OgcUrls.GEOJSON, "this page"));
        links.add(link(url(query.offset(), OgcFormat.HTML), "alternate", OgcUrls.HTML, "this page as HTML"));
        next(matched).ifPresent(n -> links.add(link(url(n, OgcFormat.JSON), "next", OgcUrls.GEOJSON, "the next page")));
        prev().ifPresent(p -> links.add(link(url(p, OgcFormat.JSON), "prev", OgcUrls.GEOJSON, "the previous page")));
        links.add(link(OgcUrls.json(urls.collection(collection.id())), "collection", OgcUrls.JSON, collection.title()));
        return links;
    }
}
