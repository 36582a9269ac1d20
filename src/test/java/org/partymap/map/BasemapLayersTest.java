package org.partymap.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BasemapLayersTest {

    @Test
    void moreComesIntoViewAsOneZoomsIn() {
        assertEquals(List.of("axis"), BasemapLayers.at(11).streetClasses());
        assertFalse(BasemapLayers.at(11).communities());
        assertEquals(List.of("axis", "main"), BasemapLayers.at(13).streetClasses());
        assertTrue(BasemapLayers.at(13).communities());
        assertEquals(List.of("axis", "main", "secondary"), BasemapLayers.at(14).streetClasses());
        assertEquals(4, BasemapLayers.at(15).streetClasses().size());
        assertTrue(BasemapLayers.at(15).estates());
        assertFalse(BasemapLayers.at(15).buildings());
        assertTrue(BasemapLayers.at(16).buildings());
    }

    @Test
    void geometryIsSimplifiedToHalfAPixelAndWrittenToThePixel() {
        assertEquals(360.0 / (1 << 16) / 512, BasemapLayers.at(16).tolerance(), 1e-15);
        assertEquals(4, BasemapLayers.at(12).digits());
        assertEquals(6, BasemapLayers.at(17).digits());
    }

    @Test
    void theWidestBoxIsSixteenTilesOfItsZoom() {
        assertEquals(16 * 360.0 / (1 << 17), BasemapLayers.at(17).maxSpan(), 1e-12);
        assertEquals(360, BasemapLayers.at(5).maxSpan());
    }
}
