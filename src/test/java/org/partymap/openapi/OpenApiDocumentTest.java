package org.partymap.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partymap.io.YamlResource;
import org.partymap.ogc.CollectionCatalog;
import org.partymap.ogc.OgcApiDescription;

class OpenApiDocumentTest {

    private static ObjectNode yaml(String text) {
        return (ObjectNode) YamlResource.parse(text);
    }

    private static final String API = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /api/a: {get: {responses: {'200': {description: ok}}}}
            components:
              schemas: {Problem: {type: object}}
            """;

    @Test
    void theShippedPartsMergeWithoutClashes() {
        CollectionCatalog catalog = CollectionCatalog.load();
        ObjectNode doc = OpenApiDocument.build(OgcApiDescription.PREFIX, OgcApiDescription.paths(catalog),
                OgcApiDescription.components(catalog), Optional.empty()).forBase("https://example.org/pm");
        assertEquals("https://example.org/pm/ogc", doc.at("/servers/0/url").asText());
        assertEquals("https://example.org/pm", doc.at("/paths/~1api~1health/servers/0/url").asText());
        assertTrue(doc.at("/paths/~1/get").isObject(), "the landing page");
        assertTrue(doc.at("/components/schemas/FeatureCollection_grids").isObject());
        assertTrue(doc.at("/components/schemas/Problem").isObject());
    }

    @Test
    void aPathDescribedTwiceIsRefused() {
        var e = assertThrows(IllegalStateException.class, () -> OpenApiDocument.merge(yaml(API), "/x",
                yaml("/api/a: {get: {}}"), yaml("{}"), Optional.empty()));
        assertTrue(e.getMessage().contains("/api/a"));
    }

    @Test
    void aComponentDefinedTwiceIsRefused() {
        var e = assertThrows(IllegalStateException.class, () -> OpenApiDocument.merge(yaml(API), "/x",
                yaml("/b: {get: {}}"), yaml("schemas: {Problem: {type: string}}"), Optional.empty()));
        assertTrue(e.getMessage().contains("Problem"));
    }

    @Test
    void theHandWrittenPartDescribesApiPathsOnly() {
        var e = assertThrows(IllegalStateException.class, () -> OpenApiDocument.merge(yaml(API.replace("/api/a", "/ogc/a")), "/x",
                yaml("{}"), yaml("{}"), Optional.empty()));
        assertTrue(e.getMessage().contains("/ogc/a"));
    }

    @Test
    void eachRequestGetsItsOwnServersAndTheTemplateStaysUntouched() {
        OpenApiDocument doc = OpenApiDocument.merge(yaml(API), "/x", yaml("/b: {get: {}}"), yaml("{}"), Optional.empty());
        assertEquals("http://one/x", doc.forBase("http://one").at("/servers/0/url").asText());
        ObjectNode two = doc.forBase("http://two");
        assertEquals("http://two/x", two.at("/servers/0/url").asText());
        assertEquals("http://two", two.at("/paths/~1api~1a/servers/0/url").asText());
        assertTrue(two.at("/paths/~1b/servers").isMissingNode());
    }
}
