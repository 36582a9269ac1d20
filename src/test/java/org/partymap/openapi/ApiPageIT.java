package org.partymap.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partymap.db.Database;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** /api.html in Debian's chromium: the OpenAPI description rendered for people. */
class ApiPageIT {

    private static Database db;
    private static TestServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = TestServer.start(db);
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
        db.close();
    }

    private static List<WebElement> operations() {
        browser.get(server.uri("/api.html").toString());
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("article.operation"), 0));
    }

    @Test
    void everyOperationOfTheDocumentIsShownWithItsFullPath() {
        JsonNode doc = TestServer.json(server.get("/api/openapi.json"));
        int described = 0;
        for (JsonNode item : doc.get("paths")) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                described += item.has(method) ? 1 : 0;
            }
        }
        List<WebElement> shown = operations();
        assertEquals(described, shown.size());
        List<String> paths = shown.stream().map(e -> e.getDomAttribute("data-path")).toList();
        assertTrue(paths.containsAll(List.of("/api/grids", "/api/grids/{id}", "/ogc", "/ogc/collections/{collectionId}/items",
                "/ogc/collections/grids/items")), paths.toString());
        assertTrue(browser.findElement(By.id("title")).getText().startsWith("partymap 线上党建地图 — API"));
    }

    @Test
    void anOperationListsItsParametersAndResponses() {
        operations();
        WebElement grids = browser.findElement(By.cssSelector("article[data-path='/ogc/collections/grids/items']"));
        String text = grids.getText();
        assertTrue(text.contains("community_id") && text.contains("limit") && text.contains("≤ 10000"), text);
        assertTrue(text.contains("application/geo+json (FeatureCollection_grids)"), text);
        assertTrue(browser.findElement(By.cssSelector("nav.toc")).getText().contains("GET /api/locate"));
    }

    @Test
    void thePageLoadsItsScriptAsAModuleFileNeverInline() {
        String html = server.get("/api.html").body();
        assertTrue(html.contains("<script type=\"module\" src=\"/js/api-page.js\"></script>"));
        assertFalse(html.replace("<script type=\"module\" src=\"/js/api-page.js\"></script>", "").contains("<script"));
        assertFalse(html.contains("style="));
    }
}
