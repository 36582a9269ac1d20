package org.partymap.notice;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A community's notices as an Atom 1.0 feed (RFC 4287), for feed readers and other sites. Written
 * with the JDK's StAX writer, which escapes text and attributes; the text it is given has passed
 * {@link org.partymap.http.PublicText}, so holds no character XML 1.0 forbids.
 *
 * <p>Ids are absolute URLs under the server's public address (PARTYMAP_PUBLIC_URL, else the
 * request's host): the feed's is the notices page of the community, an entry's its API address.
 * Set PARTYMAP_PUBLIC_URL in production so that they never change.
 */
public final class AtomFeed {

    public static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    /** The page that shows a community's notices; with a notice id, the page opened on it. */
    public static String page(String base, int communityId) {
        return base + "/notices.html?community=" + communityId;
    }

    public static String self(String base, int communityId) {
        return base + "/api/communities/" + communityId + "/notices.atom";
    }

    /**
     * The feed of {@code notices} (newest first) as UTF-8 bytes.
     *
     * @param base    the server's address without a trailing slash ({@link org.partymap.http.BaseUrl})
     * @param updated when the community's notices last changed (a withdrawal included)
     */
    public static byte[] write(String base, CommunityRef community, List<Notice> notices, Instant updated) {
        var out = new ByteArrayOutputStream(1024 + notices.size() * 1024);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "zh-CN");
            text(w, "id", page(base, community.id()));
            text(w, "title", community.name() + " · 公告");
            text(w, "subtitle", community.name() + "的社区动态、公告公示与党务公开");
            text(w, "updated", NoticeJson.time(updated));
            link(w, "self", "application/atom+xml", self(base, community.id()));
            link(w, "alternate", "text/html", page(base, community.id()));
            w.writeStartElement("generator");
            w.writeAttribute("uri", base + "/");
            w.writeCharacters("partymap 线上党建地图");
            w.writeEndElement();
            for (Notice n : notices) {
                entry(w, base, n);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the notices feed of community " + community.id(), e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter w, String base, Notice n) throws XMLStreamException {
        w.writeStartElement("entry");
        text(w, "id", base + "/api/notices/" + n.id());
        text(w, "title", n.title());
        text(w, "updated", NoticeJson.time(n.updatedAt()));
        text(w, "published", NoticeJson.time(n.publishedAt()));
        w.writeStartElement("author");
        text(w, "name", n.author());
        w.writeEndElement();
        w.writeEmptyElement("category");
        w.writeAttribute("term", n.kind().code());
        w.writeAttribute("label", n.kind().label());
        link(w, "alternate", "text/html", page(base, n.communityId()) + "#n=" + n.id());
        w.writeStartElement("content");
        w.writeAttribute("type", "text");
        w.writeCharacters(n.body());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String text) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }
}
