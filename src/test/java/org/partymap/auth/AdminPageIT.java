package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** The admin page in headless Chromium, from a first login with a one-time password to managing accounts. */
class AdminPageIT {

    private static Database db;
    private static TestServer server;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String oneTimePassword;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        oneTimePassword = TestAccounts.accounts(db).create("chief", "主任", Role.ADMIN, List.of(), AuditLog.Actor.demo()).oneTimePassword();
        server = TestServer.start(db);
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
        db.close();
    }

    private static WebElement field(String form, String name) {
        return browser.findElement(By.cssSelector("#" + form + " [name=" + name + "]"));
    }

    private static WebElement userRow(String username) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#user-rows tr[data-user='" + username + "']")));
    }

    @Test
    void anAdminLogsInWithAOneTimePasswordChangesItAndManagesAccounts() throws Exception {
        browser.get(server.uri("/admin.html").toString());
        wait.until(ExpectedConditions.urlContains("/login.html?next="));

        field("login", "username").sendKeys("chief");
        field("login", "password").sendKeys(oneTimePassword);
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("change")));
        field("change", "next").sendKeys("a passphrase of my own");
        field("change", "again").sendKeys("a passphrase of my own");
        browser.findElement(By.cssSelector("#change button")).click();

        wait.until(ExpectedConditions.urlMatches("/admin\\.html$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "主任"));
        assertTrue(wait.ignoring(StaleElementReferenceException.class).until(d -> userRow("chief").getText()).contains("正常"));

        // 系统状态: the database's versions and each layer's rows and version
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("system-facts"), "PostGIS"));
        String layers = wait.until(d -> {
            String text = d.findElement(By.id("system-layers")).getText();
            return text.contains("grids") ? text : null;
        });
        assertTrue(layers.matches("(?s).*grids 4 \\d+.*"), layers);

        field("new-user", "username").sendKeys("li.na");
        field("new-user", "display_name").sendKeys("李娜");
        new Select(field("new-user", "role")).selectByValue("grid_worker");
        field("new-user", "scope").sendKeys(Fixtures.GRID_1 + "," + Fixtures.GRID_3);
        browser.findElement(By.cssSelector("#new-user button")).click();
        String shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("one-time-password"))).getText();
        assertTrue(shown.matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}"), shown);
        // the list is drawn again after a change: read and click rows afresh when one goes stale
        String rowText = wait.ignoring(StaleElementReferenceException.class).until(d -> userRow("li.na").getText());
        assertTrue(rowText.contains("莲花路社区第一网格") && rowText.contains("健康路社区第一网格"), rowText);
        assertEquals(200, server.call("POST", "/api/login").json(Map.of("username", "li.na", "password", shown)).send().statusCode(),
                "the password the page showed is the account's");

        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            userRow("li.na").findElement(By.xpath(".//button[text()='停用']")).click();
            return true;
        });
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#user-rows tr[data-user='li.na']"), "class", "disabled"));
        assertTrue(Sql.one(db.dataSource(), "SELECT disabled FROM app_user WHERE username = 'li.na'", rs -> rs.getBoolean(1)).orElseThrow());

        browser.findElement(By.cssSelector("#audit-filter button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "account_create"));
        assertTrue(browser.findElement(By.id("audit-rows")).getText().contains("account_update"));
        assertTrue(browser.findElement(By.id("audit-export")).getAttribute("href").contains("/api/admin/audit/export"));

        Path file = Files.createTempFile("stations", ".csv");
        Files.writeString(file, "name,kind,lon,lat\n浏览器上传活动室,activity_room,120.1451,33.3851\n");
        field("import-form", "file").sendKeys(file.toString());
        new Select(field("import-form", "layer")).selectByValue("stations");
        browser.findElement(By.cssSelector("#import-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "1 added"));
        Files.delete(file);

        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
        assertEquals(List.of(), violations, "the pages keep to the CSP");
    }
}
