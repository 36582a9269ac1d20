package org.partymap.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.testing.Browser;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * card.html in headless Chromium on a 360 × 640 phone: reached from the map card, every number a
 * tap-to-call link, the QR code shown, nothing wider than the screen; printed, two 90 × 54 mm pages.
 */
class CardPageIT {

    private static Database db;
    private static TestServer server;
    private static TestServer unset;
    private static Browser browser;
    private static int grid1;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        grid1 = Fixtures.id(db, "grid", Fixtures.GRID_1);
        server = TestServer.start(db, Map.of("PARTYMAP_PUBLIC_URL", "https://map.example.cn"));
        unset = TestServer.start(db);
        browser = Browser.phone();
    }

    @AfterAll
    static void stop() {
        browser.close();
        unset.close();
        server.close();
        db.close();
    }

    @Test
    void aResidentGoesFromTheMapCardToTheCardAndCanCallEveryNumber() {
        browser.open(server.uri("/?grid=" + grid1));
        assertEquals("第一网格", browser.waitForText(".pm-grid-name"));
        browser.click(".pm-card-page");
        browser.until("the card page", () -> browser.driver().getCurrentUrl().contains("/card.html?grid=" + grid1));
        assertEquals("第一网格", browser.waitForText("#grid-name"));
        assertEquals("王丽", browser.waitForText("#leader-name"));
        List<String> calls = browser.all("a.call").stream().map(a -> a.getAttribute("href")).toList();
        assertTrue(calls.contains("tel:0515-00000001".replace("-", "")), "the leader: " + calls);
        assertTrue(calls.contains("tel:051501000001"), "the contact: " + calls);
        assertTrue(calls.contains("tel:110") && calls.contains("tel:12345"), "the emergency numbers: " + calls);
        assertTrue(browser.all("#post a.call, #centre a.call").size() >= 1, "the posts' phones: " + calls);
        var qr = browser.waitFor("#qr-image");
        browser.until("the QR image has loaded", () -> (Boolean) browser.js(
                "const i = arguments[0]; return i.complete && i.naturalWidth > 0;", qr));
        assertTrue(qr.getAttribute("src").startsWith("data:image/svg+xml"), qr.getAttribute("src"));
        assertTrue(browser.waitFor("#pdf").getAttribute("href").endsWith("/api/grids/" + grid1 + "/card.pdf"));
        assertFalse(browser.scrollsSideways(), "the card fits a 360 px phone");
        assertTrue(browser.cspViolations().isEmpty(), "no CSP complaints");
    }

    @Test
    void printedTheCardIsTwoPagesOfNinetyByFiftyFourMillimetres() {
        browser.open(server.uri("/card.html?grid=" + grid1));
        browser.waitForText("#grid-name");
        Object pageSize = browser.js("""
                for (const sheet of document.styleSheets) {
                  for (const rule of sheet.cssRules) {
                    if (rule instanceof CSSPageRule) return rule.style.getPropertyValue('size');
                  }
                }
                return null;""");
        assertEquals("90mm 54mm", pageSize);
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals(Boolean.TRUE, browser.js("return window.matchMedia('print').matches;"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sides = (List<Map<String, Object>>) browser.js("""
                    return [...document.querySelectorAll('.side')].map((s) => {
                      const r = s.getBoundingClientRect();
                      return {width: r.width, height: r.height, breakAfter: getComputedStyle(s).breakAfter};
                    });""");
            assertEquals(2, sides.size(), "front and back");
            double mm = 96 / 25.4;
            for (var side : sides) {
                assertEquals(90 * mm, ((Number) side.get("width")).doubleValue(), 0.6, side.toString());
                assertEquals(54 * mm, ((Number) side.get("height")).doubleValue(), 0.6, side.toString());
            }
            assertEquals("page", sides.get(0).get("breakAfter"), "the back prints on a page of its own");
            assertEquals(Boolean.TRUE, browser.js("return getComputedStyle(document.querySelector('header')).display === 'none';"));
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void withoutAPublicAddressTheCardShowsNoQrCodeAndSaysWhatToSet() {
        browser.open(unset.uri("/card.html?grid=" + grid1));
        assertEquals("第一网格", browser.waitForText("#grid-name"));
        assertTrue(browser.waitForText("#qr-note").contains("PARTYMAP_PUBLIC_URL"));
        assertEquals(0, browser.all("#qr:not([hidden])").size(), "no QR code");
        assertEquals(0, browser.all("#pdf:not([hidden])").size(), "no PDF link");
    }

    @Test
    void anUnknownGridSaysSo() {
        browser.open(server.uri("/card.html?grid=999999"));
        browser.until("the refusal", () -> browser.waitForText("#status").contains("没有这个网格"));
    }
}
