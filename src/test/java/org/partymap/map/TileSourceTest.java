package org.partymap.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partymap.Config;

class TileSourceTest {

    @Test
    void withoutATileUrlPartymapDrawsItsOwnBasemap() {
        assertTrue(Config.fromEnv(Map.of()).tiles().isEmpty());
    }

    @Test
    void aGcj02TileServiceIsReadWithItsAttributionAndApprovalNumber() {
        TileSource t = Config.fromEnv(Map.of(
                "PARTYMAP_TILE_URL", "https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8",
                "PARTYMAP_TILE_SUBDOMAINS", "1234",
                "PARTYMAP_TILE_CRS", "GCJ02",
                "PARTYMAP_TILE_ATTRIBUTION", "高德地图",
                "PARTYMAP_TILE_APPROVAL", "GS(2024)0650号")).tiles().orElseThrow();
        assertEquals("gcj02", t.crs());
        assertEquals("1234", t.subdomains());
        assertEquals("GS(2024)0650号", t.approval());
        assertEquals(18, t.maxZoom());
        assertEquals("https://*.is.autonavi.com", t.cspSource());
    }

    @Test
    void theCspSourceKeepsAPort() {
        TileSource t = TileSource.fromEnv(Map.of("PARTYMAP_TILE_URL", "http://tiles.example.cn:8080/{z}/{x}/{y}.png")).orElseThrow();
        assertEquals("http://tiles.example.cn:8080", t.cspSource());
        assertEquals("wgs84", t.crs());
        assertEquals("", t.subdomains());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x/{z}/{x}/{y}", "https://x/{z}/{x}.png", "not a url {z}{x}{y}", "https:///{z}/{x}/{y}"})
    void aTileUrlThatIsNotAnHttpTemplateFailsNamingTheVariable(String url) {
        var e = assertThrows(Config.ConfigException.class, () -> TileSource.fromEnv(Map.of("PARTYMAP_TILE_URL", url)));
        assertTrue(e.getMessage().contains("PARTYMAP_TILE_URL"), e.getMessage());
    }

    @Test
    void badTileSettingsFailNamingTheirVariable() {
        String url = "https://t.example.cn/{z}/{x}/{y}.png";
        assertTrue(assertThrows(Config.ConfigException.class, () -> TileSource.fromEnv(Map.of("PARTYMAP_TILE_URL", url,
                "PARTYMAP_TILE_CRS", "bd09"))).getMessage().contains("PARTYMAP_TILE_CRS"));
        assertTrue(assertThrows(Config.ConfigException.class, () -> TileSource.fromEnv(Map.of("PARTYMAP_TILE_URL", url,
                "PARTYMAP_TILE_MAX_ZOOM", "30"))).getMessage().contains("PARTYMAP_TILE_MAX_ZOOM"));
        assertTrue(assertThrows(Config.ConfigException.class, () -> TileSource.fromEnv(Map.of("PARTYMAP_TILE_URL", url,
                "PARTYMAP_TILE_SUBDOMAINS", "a,b"))).getMessage().contains("PARTYMAP_TILE_SUBDOMAINS"));
    }
}
