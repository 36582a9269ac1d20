package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReverseGeocoderTest {

    private final ReverseGeocoder reverse = new ReverseGeocoder(SmallGazetteer.build());

    @Test
    void aPointGetsItsNearestAddressAndTheAreasContainingIt() {
        ReverseGeocoder.Answer a = reverse.reverse(120.1503, 33.3821);
        assertEquals("人民路12号", a.address().address());
        assertTrue(a.address().distanceM() < 20, a.toString());
        assertEquals("320902001002001", a.grid().code());
        assertEquals("健康路社区", a.community().name());
        assertEquals("先锋街道", a.subdistrict().name());
    }

    @Test
    void aPointOnASharedBoundaryBelongsToTheLowerId() {
        ReverseGeocoder.Answer a = reverse.reverse(120.15, 33.385);
        assertEquals(1, a.grid().id());
        assertEquals("莲花路社区", a.community().name());
    }

    @Test
    void farFromEverythingThereIsNothing() {
        ReverseGeocoder.Answer a = reverse.reverse(121.5, 31.2);
        assertNull(a.address());
        assertNull(a.grid());
        assertNull(a.community());
        assertNull(a.subdistrict());
    }
}
