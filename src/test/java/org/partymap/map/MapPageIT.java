package org.partymap.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.partymap.db.Database;
import org.partymap.geo.Gcj02;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** The resident map in a real browser, on the sample district. */
class MapPageIT {

    /** Inside 莲花路社区第一网格, 90 m from 万方花园网格驿站. */
    private static final String PLACE = "c=120.147,33.385&z=17";

    private static Database db;
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        server = TestServer.start(db);
        browser = Browser.desktop();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
        db.close();
    }

    private static void open(Browser b, String query) {
        b.open(server.uri("/" + (query.isEmpty() ? "" : "?" + query)));
        b.until("the page is ready", () -> "true".equals(b.js("return document.body.dataset.ready")));
    }

    private static void tapTheMiddleOfTheMap(Browser b) {
        WebElement map = b.waitFor("#map");
        b.clickAt(map, 0, 0);
        b.until("the card is ready", () -> "ready".equals(b.waitFor("#card").getAttribute("data-state"))
                && b.count(".pm-nearest-list .pm-station-item") > 0);
    }

    @Test
    void tappingAPlaceOpensTheCardWithItsGridTheGridLeaderAndTheNearestPost() {
        open(browser, PLACE);
        tapTheMiddleOfTheMap(browser);
        assertEquals("第一网格", browser.waitForText(".pm-grid-name"));
        assertEquals("320902001001001", browser.waitForText(".pm-grid-code"));
        assertEquals("莲花路社区第一网格党支部", browser.waitForText(".pm-branch"));
        assertEquals("王丽", browser.waitForText(".pm-leader-name"));
        assertEquals("tel:0515-00000001".replace("-", ""), browser.waitFor(".pm-leader-phone").getAttribute("href").replace("-", ""));
        assertEquals("万方花园网格驿站", browser.waitForText(".pm-assigned .pm-station-name"));
        assertEquals("万方花园网格驿站", browser.waitForText(".pm-nearest-list .pm-station-item .pm-station-name"));
        String walk = browser.waitForText(".pm-nearest-list .pm-station-item .pm-walk");
        assertTrue(walk.matches("步行 \\d+ 米 · 约 \\d+ 分钟"), walk);
        assertTrue(browser.waitForText(".pm-nearest-list .pm-station-item .pm-straight").startsWith("直线"));
        assertEquals(1, browser.count("path.pm-grid-selected"));
        assertEquals(120.147, queryNumber(browser, "lon"), 3e-5, browser.query());
        assertEquals(33.385, queryNumber(browser, "lat"), 3e-5, browser.query());
    }

    private static double queryNumber(Browser b, String name) {
        return Double.parseDouble(b.query().replaceAll(".*(?:^|&)" + name + "=([0-9.]+).*", "$1"));
    }

    @Test
    void theRouteButtonDrawsTheWalkAndPutsItInTheLink() {
        open(browser, PLACE);
        tapTheMiddleOfTheMap(browser);
        assertEquals(0, browser.count("path.pm-route"));
        browser.click(".pm-nearest-list .pm-station-item .pm-route-button");
        browser.until("the route is drawn", () -> browser.count("path.pm-route") == 1);
        String d = browser.all("path.pm-route").get(0).getAttribute("d");
        assertTrue(d != null && d.length() > 10, "the route has a shape: " + d);
        assertTrue(browser.query().contains("route=3"), browser.query());
        browser.click(".pm-nearest-list .pm-station-item .pm-route-button.pm-active");
        browser.until("the route is gone", () -> browser.count("path.pm-route") == 0);
    }

    @Test
    void thePageKeepsToTheContentSecurityPolicy() {
        browser.cspViolations();
        open(browser, PLACE + "&z=16");
        tapTheMiddleOfTheMap(browser);
        browser.click(".pm-nearest-list .pm-station-item .pm-route-button");
        browser.until("the route is drawn", () -> browser.count("path.pm-route") == 1);
        browser.click("#layers-button");
        browser.click("#lang-switch");
        assertEquals(List.of(), browser.cspViolations(), "no inline script or style, nothing from elsewhere");
        String csp = server.get("/").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'"), csp);
    }

    @Test
    void aLinkWithARouteOpensWithTheRouteDrawn() {
        open(browser, "lon=120.147&lat=33.385&z=16&route=3");
        browser.until("the route is drawn", () -> browser.count("path.pm-route") == 1);
        assertEquals("第一网格", browser.waitForText(".pm-grid-name"));
    }

    @Test
    void theLayerSwitchesHideAndShowTheGridsAndEachKindOfPost() {
        open(browser, "c=120.15,33.39&z=16");
        browser.until("four grids are drawn", () -> browser.count("path.pm-grid") == 4);
        assertEquals(1, browser.count(".leaflet-marker-icon.pm-kind-grid_station"));
        browser.click("#layers-button");
        browser.click("#layer-grids");
        browser.until("the grids are hidden", () -> browser.count("path.pm-grid") == 0);
        assertTrue(browser.query().contains("hide=grids"), browser.query());
        browser.click("#layer-grid_station");
        browser.until("the grid stations are hidden", () -> browser.count(".leaflet-marker-icon.pm-kind-grid_station") == 0);
        assertEquals(2, browser.count(".leaflet-marker-icon.pm-kind-service_centre"));
        browser.click("#layer-grids");
        browser.click("#layer-grid_station");
        browser.until("both are back", () -> browser.count("path.pm-grid") == 4
                && browser.count(".leaflet-marker-icon.pm-kind-grid_station") == 1);
        browser.click("#layer-basemap");
        browser.until("the basemap is hidden", () -> browser.count("path.pm-street") == 0);
        browser.click("#layer-basemap");
        browser.until("the basemap is back", () -> browser.count("path.pm-street") > 0);
    }

    @Test
    void aLinkWithAGridOpensOnThatGrid() {
        open(browser, "grid=3");
        browser.until("the card shows the grid", () -> "健康路社区第一网格党支部".equals(browser.waitForText(".pm-branch")));
        assertEquals("张华", browser.waitForText(".pm-leader-name"));
        assertEquals("3", browser.waitFor("path.pm-grid-selected").getAttribute("data-grid-id"));
        assertTrue(browser.query().contains("grid=3"), browser.query());
    }

    @Test
    void theLinkOfAnOpenCardOpensTheSameCard() {
        open(browser, PLACE);
        tapTheMiddleOfTheMap(browser);
        String link = browser.driver().getCurrentUrl();
        browser.driver().get("about:blank");
        browser.driver().get(link);
        browser.until("the card is back", () -> "第一网格".equals(browser.waitForText(".pm-grid-name")));
        assertEquals("万方花园网格驿站", browser.waitForText(".pm-assigned .pm-station-name"));
    }

    @Test
    void theEnglishSwitchChangesTheWordsAndTheLink() {
        open(browser, PLACE);
        tapTheMiddleOfTheMap(browser);
        assertEquals("我的网格", browser.waitForText(".pm-card-title"));
        browser.click("#lang-switch");
        browser.until("the card is in English", () -> "My grid".equals(browser.waitForText(".pm-card-title")));
        assertEquals("en", browser.js("return document.documentElement.lang"));
        assertTrue(browser.waitForText(".pm-nearest-list .pm-walk").matches("\\d+ m walk · about \\d+ min"));
        assertTrue(browser.query().contains("lang=en"), browser.query());
        assertEquals("中文", browser.waitForText("#lang-switch"));
        browser.click("#lang-switch");
        browser.until("the card is in Chinese again", () -> "我的网格".equals(browser.waitForText(".pm-card-title")));
    }

    @Test
    void filtersByKindAndByServiceNarrowTheNearestPosts() {
        open(browser, PLACE + "&lon=120.147&lat=33.385");
        browser.until("the list is there", () -> browser.count(".pm-nearest-list .pm-station-item") == 4);
        browser.driver().findElement(org.openqa.selenium.By.cssSelector(".pm-service-filter option[value='图书室']")).click();
        browser.until("only posts with a library", () -> browser.count(".pm-nearest-list .pm-station-item") == 2);
        for (WebElement services : browser.all(".pm-nearest-list .pm-services")) {
            assertTrue(services.getText().contains("图书室"), services.getText());
        }
        assertTrue(browser.query().contains("service="), browser.query());
        browser.click(".pm-filters input[value=reading_room]");
        browser.until("no reading room offers it", () -> browser.count(".pm-nearest .pm-muted") == 1
                && browser.count(".pm-nearest-list") == 0);
    }

    @Test
    void postsClusterWhenZoomedOutAndStandAloneWhenZoomedIn() {
        open(browser, "c=120.15,33.39&z=13");
        browser.until("clusters", () -> browser.count(".pm-cluster") > 0);
        open(browser, "c=120.15,33.39&z=17");
        browser.until("no clusters", () -> browser.count(".pm-cluster") == 0 && browser.count(".leaflet-marker-icon.pm-station") > 0);
    }

    @Test
    void theOwnBasemapDrawsStreetsWithTheirNamesAndFetchesNothingFromElsewhere() {
        open(browser, "c=120.15,33.39&z=16");
        browser.until("streets", () -> browser.count("path.pm-street") >= 5);
        browser.until("street names", () -> (Boolean) browser.js(
                "return [...document.querySelectorAll('.pm-street-label')].some(e => e.textContent.includes('解放路'))"));
        assertTrue(browser.count("path.pm-community") > 0 || browser.count("path.pm-subdistrict") > 0);
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) browser.js("return performance.getEntriesByType('resource').map(r => r.name)");
        String origin = server.uri("/").toString();
        for (String url : urls) {
            assertTrue(url.startsWith(origin), "fetched from elsewhere: " + url);
        }
    }

    @Test
    void onAPhoneTheSearchAndTheCardFitTheScreenWithoutSidewaysScrolling() {
        try (Browser phone = Browser.phone()) {
            open(phone, PLACE);
            assertTrue(phone.waitFor("#search-input").isDisplayed());
            assertTrue(phone.fitsAcross(phone.waitFor("#search")));
            tapTheMiddleOfTheMap(phone);
            WebElement card = phone.waitFor("#card");
            assertEquals("第一网格", phone.waitForText(".pm-grid-name"));
            assertTrue(phone.fitsAcross(card), "the card fits across the screen");
            assertFalse(phone.scrollsSideways(), "the page scrolls sideways");
            assertEquals(360L, phone.js("return window.innerWidth"));
            for (WebElement e : phone.all("#card *")) {
                if (e.isDisplayed()) {
                    assertTrue(((Number) phone.js("return arguments[0].getBoundingClientRect().right", e)).doubleValue() <= 360.5,
                            "sticks out of the screen: " + e.getTagName() + " " + e.getAttribute("class"));
                }
            }
        }
    }

    @Test
    void searchingAnAddressOpensTheSameCardAsTappingIt() {
        open(browser, "");
        browser.waitFor("#search-input").sendKeys("人民路12号");
        browser.click(".pm-search-option");
        browser.until("the card is ready", () -> "ready".equals(browser.waitFor("#card").getAttribute("data-state"))
                && browser.count(".pm-nearest-list .pm-station-item") > 0);
        assertEquals("人民路12号", browser.waitForText(".pm-place"));
        assertEquals("第一网格", browser.waitForText(".pm-grid-name"));
        assertEquals("王丽", browser.waitForText(".pm-leader-name"));
        assertEquals("万方花园网格驿站", browser.waitForText(".pm-assigned .pm-station-name"));
        assertEquals(120.1495, queryNumber(browser, "lon"), 1e-6);
    }

    @Test
    void withoutGeocodingTheSearchBoxSaysSoAndTappingStillWorks() {
        boolean geocoding = server.get("/api/geocode?q=%E8%B7%AF").statusCode() != 404;
        open(browser, PLACE);
        if (geocoding) {
            assertTrue(browser.waitFor("#search-input").isEnabled());
            return;
        }
        browser.until("the search box is disabled", () -> !browser.waitFor("#search-input").isEnabled());
        assertTrue(browser.waitForText("#search-note").contains("地址搜索暂不可用"));
        tapTheMiddleOfTheMap(browser);
        assertEquals("第一网格", browser.waitForText(".pm-grid-name"));
    }

    @Test
    void theBrowsersGcj02TransformIsTheServers() {
        open(browser, "");
        @SuppressWarnings("unchecked")
        var js = (List<Number>) browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "import('/js/gcj02.js').then(m => { const g = m.fromWgs84(120.15, 33.39); const w = m.toWgs84(g[0], g[1]);"
                + "done([g[0], g[1], w[0], w[1]]); });");
        double[] java = Gcj02.fromWgs84(120.15, 33.39);
        assertEquals(java[0], js.get(0).doubleValue(), 1e-9);
        assertEquals(java[1], js.get(1).doubleValue(), 1e-9);
        assertEquals(120.15, js.get(2).doubleValue(), 1e-7);
        assertEquals(33.39, js.get(3).doubleValue(), 1e-7);
    }

    @Test
    void withGcj02TilesTheOverlaysAreShiftedOntoTheTilesAndATapStillFindsTheRightGrid() {
        try (TestServer tiled = TestServer.start(db, Map.of(
                "PARTYMAP_TILE_URL", "http://127.0.0.1:9/{z}/{x}/{y}.png",
                "PARTYMAP_TILE_CRS", "gcj02",
                "PARTYMAP_TILE_ATTRIBUTION", "测试底图",
                "PARTYMAP_TILE_APPROVAL", "GS(2099)0000号"))) {
            // 万方花园网格驿站 is at 120.1471, 33.3842 (WGS-84); GCJ-02 moves it 465 m east, 154 m south
            browser.open(tiled.uri("/?c=120.1471,33.3842&z=17"));
            browser.until("the page is ready", () -> "true".equals(browser.js("return document.body.dataset.ready")));
            assertTrue(browser.waitForText(".leaflet-control-attribution").contains("审图号：GS(2099)0000号"));
            double[] shifted = Gcj02.fromWgs84(120.1471, 33.3842);
            String gcjTile = tile(shifted[0], shifted[1], 17);
            String wgsTile = tile(120.1471, 33.3842, 17);
            assertFalse(gcjTile.equals(wgsTile));
            WebElement marker = browser.waitFor(".leaflet-marker-icon.pm-kind-grid_station");
            assertTrue(inside(marker, browser.waitForPresent(".pm-tiles img[src$='/17/" + gcjTile + ".png']")),
                    "the post is drawn on the tile of its GCJ-02 position");
            for (WebElement other : browser.all(".pm-tiles img[src$='/17/" + wgsTile + ".png']")) {
                assertFalse(inside(marker, other), "the post is not drawn on the tile of its WGS-84 position");
            }
            // a tap is shifted back: the card is for the WGS-84 place under the finger
            browser.open(tiled.uri("/?" + PLACE));
            browser.until("the page is ready", () -> "true".equals(browser.js("return document.body.dataset.ready")));
            tapTheMiddleOfTheMap(browser);
            assertEquals("第一网格", browser.waitForText(".pm-grid-name"));
            assertEquals(120.147, queryNumber(browser, "lon"), 3e-5);
            assertEquals(33.385, queryNumber(browser, "lat"), 3e-5);
        }
    }

    /** The Web-Mercator tile "x/y" at a zoom that holds a point. */
    private static String tile(double lon, double lat, int zoom) {
        double n = 1 << zoom;
        double r = Math.toRadians(lat);
        return (int) Math.floor((lon + 180) / 360 * n) + "/" + (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    }

    private static boolean inside(WebElement point, WebElement box) {
        var p = point.getRect();
        var b = box.getRect();
        double x = p.getX() + p.getWidth() / 2.0;
        double y = p.getY() + p.getHeight() / 2.0;
        return x >= b.getX() && x <= b.getX() + b.getWidth() && y >= b.getY() && y <= b.getY() + b.getHeight();
    }
}
