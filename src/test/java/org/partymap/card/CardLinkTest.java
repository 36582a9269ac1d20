package org.partymap.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardLinkTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:7070", "http://127.8.0.1/", "http://localhost:7070", "https://map.localhost",
        "http://[::1]:7070", "http://0.0.0.0:7070", "http://LOCALHOST"})
    void anAddressNoPhoneReachesIsRefusedSayingWhatToSet(String url) {
        var link = CardLink.of(Optional.of(URI.create(url)));
        assertFalse(link.usable());
        assertTrue(link.refusal().orElseThrow().contains("set it to the address residents reach partymap at"), link.refusal().get());
    }

    @ParameterizedTest
    @CsvSource({
        "https://map.example.cn, https://map.example.cn/?grid=7",
        "https://map.example.cn/, https://map.example.cn/?grid=7",
        "https://gov.example.cn/partymap/, https://gov.example.cn/partymap/?grid=7",
        "http://10.2.3.4:8080, http://10.2.3.4:8080/?grid=7"})
    void aPublicAddressGivesTheGridsPageOnTheMap(String url, String expected) {
        assertEquals(expected, CardLink.of(Optional.of(URI.create(url))).of(7));
    }

    @org.junit.jupiter.api.Test
    void noAddressAtAllIsRefusedToo() {
        assertTrue(CardLink.of(Optional.empty()).refusal().orElseThrow().contains("PARTYMAP_PUBLIC_URL is not set"));
    }
}
