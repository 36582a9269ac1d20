package org.partymap.testing;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through /usr/bin/chromedriver (never a downloaded driver),
 * for browser tests of partymap's pages: open a page at a given screen size, wait for what the
 * page shows, read the DOM, click, tap and run a script. Assert on the DOM, not on pixels.
 *
 * <pre>{@code
 * try (Browser b = Browser.phone()) {
 *     b.open(server.uri("/?grid=1"));
 *     assertEquals("第一网格", b.waitForText(".pm-grid-name"));
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Selenium looks for a DevTools (CDP) binding matching the browser as each driver starts and warns when Debian's
     * chromium is newer than those it ships. These tests speak WebDriver only, never CDP, so the search's outcome does
     * not matter to them; its logger (kept here: java.util.logging holds loggers weakly) reports only failures.
     */
    private static final java.util.logging.Logger CDP_SEARCH = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_SEARCH.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
    }

    /** A desktop-sized browser (1280 × 800 CSS pixels). */
    public static Browser desktop() {
        return start(1280, 800, false);
    }

    /** A phone (360 × 640 CSS pixels, touch, mobile viewport). */
    public static Browser phone() {
        return start(360, 640, true);
    }

    /** A browser whose page area is exactly {@code width} × {@code height} CSS pixels. */
    public static Browser start(int width, int height, boolean mobile) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-gpu", "--no-first-run", "--window-size=" + width + "," + height, "--lang=zh-CN");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        var driver = new ChromeDriver(service, options);
        // the window includes no browser furniture in headless mode, but set the page area exactly
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        if (mobile) {
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        }
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(URI uri) {
        driver.get(uri.toString());
    }

    /** Waits until the element is visible and returns it. */
    public WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element is in the page, visible or not (a tile that failed to load is hidden). */
    public WebElement waitForPresent(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element is visible with non-blank text, and returns that text. */
    public String waitForText(String css) {
        // read in one script, so that a page re-rendering meanwhile cannot leave a stale element behind
        return until(css + " has text", () -> {
            Object text = js("const e = document.querySelector(arguments[0]);"
                    + "return e && e.offsetParent !== null ? e.innerText.trim() : null;", css);
            return text == null || text.toString().isBlank() ? null : text.toString();
        });
    }

    /** Waits until {@code condition} gives a non-null, non-false value, and returns it. */
    public <T> T until(String what, Supplier<T> condition) {
        try {
            return wait.withMessage(what).until(d -> {
                T value = condition.get();
                return Boolean.FALSE.equals(value) ? null : value;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for: " + what + "\nconsole: " + console(), e);
        }
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public int count(String css) {
        return all(css).size();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script: its last argument is the callback to call with the result. */
    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Clicks (or taps) the element at an offset in CSS pixels from its centre. */
    public void clickAt(WebElement element, int dx, int dy) {
        new Actions(driver).moveToElement(element, dx, dy).click().perform();
    }

    /**
     * Clicks the element {@code css} finds; found again if the page redraws it between finding and
     * clicking (a list that a live event or a late answer re-renders).
     */
    public void click(String css) {
        until("a click on " + css, () -> {
            try {
                waitFor(css).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    /** Whether the page can be scrolled sideways (its content is wider than the screen). */
    public boolean scrollsSideways() {
        return (Boolean) js("const e = document.scrollingElement;"
                + "return e.scrollWidth > e.clientWidth || document.body.scrollWidth > window.innerWidth;");
    }

    /** Whether an element lies wholly inside the screen, left to right. */
    public boolean fitsAcross(WebElement element) {
        return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
                + "return r.left >= 0 && r.right <= window.innerWidth + 0.5 && arguments[0].scrollWidth <= arguments[0].clientWidth + 1;", element);
    }

    /** The query string of the page's current URL, without the "?". */
    public String query() {
        return URI.create(driver.getCurrentUrl()).getRawQuery();
    }

    /** The console's complaints about the Content-Security-Policy since the last call (read once). */
    public List<String> cspViolations() {
        return driver.manage().logs().get("browser").getAll().stream().map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    /** What the page wrote to its console, for failure messages. */
    public String console() {
        try {
            return driver.manage().logs().get("browser").getAll().toString();
        } catch (RuntimeException e) {
            return "(not available)";
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
