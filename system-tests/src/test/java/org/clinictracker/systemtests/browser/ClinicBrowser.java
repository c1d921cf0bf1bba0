package org.clinictracker.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.browser.HeadlessChromium.Screen;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Rule;

/**
 * One person's browser on the clinic: headless Chromium on the gateway's origin (the name {@code localhost}, which
 * the Keycloak client's redirect URIs name), signed in through Keycloak's real login page. Screens' helpers and
 * tests drive pages through {@link #driver()} and {@link #waitFor(By)}, check them with
 * {@link #checkAccessibility(String)} and keep {@link #screenshot(String)}s under {@code target/screenshots}.
 * <p>
 * A browser per test or per test class (a fresh profile each: no cookie or session shared); {@link #close()} ends
 * it, so open it in try-with-resources or close it in {@code @AfterAll} (with {@link ScreenshotOnFailure}).
 */
public final class ClinicBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern CLIENT_ERROR_ANSWER =
            Pattern.compile("Failed to load resource: the server responded with a status of 4\\d\\d");
    private static final DateTimeFormatter FAILURE_TIME = DateTimeFormatter.ofPattern("HHmmss-SSS");

    private final String origin;
    private final Path profile;
    private final ChromeDriver driver;
    private final List<LogEntry> console = new ArrayList<>();
    private String signedInAs;

    private ClinicBrowser(String origin, Screen screen) {
        this.origin = origin;
        this.profile = HeadlessChromium.freshProfile();
        this.driver = HeadlessChromium.start(screen, profile, profile.resolveSibling(profile.getFileName() + "-chromedriver.log"));
    }

    /** A desktop browser (1280×800) on the clinic's gateway. */
    public static ClinicBrowser open(ClinicSystem clinic) {
        return new ClinicBrowser(clinic.browserUrl(), Screen.DESKTOP);
    }

    /** A tablet-sized browser (820×1180) on the clinic's gateway. */
    public static ClinicBrowser openTablet(ClinicSystem clinic) {
        return new ClinicBrowser(clinic.browserUrl(), Screen.TABLET);
    }

    /** A phone-sized browser (390×844), as a patient opens the link of her follow-up questions. */
    public static ClinicBrowser openPhone(ClinicSystem clinic) {
        return new ClinicBrowser(clinic.browserUrl(), Screen.PHONE);
    }

    /** The narrowest phone the patients' page must fit (320×640). */
    public static ClinicBrowser openNarrowPhone(ClinicSystem clinic) {
        return new ClinicBrowser(clinic.browserUrl(), Screen.NARROW_PHONE);
    }

    /** A browser on any origin: the infrastructure's own tests use a small local page server. */
    static ClinicBrowser onOrigin(String origin, Screen screen) {
        return new ClinicBrowser(origin, screen);
    }

    /**
     * Signs the user in through Keycloak's login page (the gateway sends an unsigned browser there) and waits until
     * the browser is back on the gateway, on the user's start page. A browser signs in once: sign out first to
     * change users.
     */
    public ClinicBrowser signIn(String username) {
        if (signedInAs != null) {
            throw new IllegalStateException("This browser is signed in as " + signedInAs + "; signOut() first");
        }
        driver.get(origin + "/");
        submitKeycloakLogin(username);
        signedInAs = username;
        return this;
    }

    /** The user signed in, or null. */
    public String signedInAs() {
        return signedInAs;
    }

    private void submitKeycloakLogin(String username) {
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement password = driver.findElement(By.id("password"));
        password.clear();
        password.sendKeys(KeycloakTokens.DEV_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        try {
            new WebDriverWait(driver, WAIT).until(d -> onOrigin() && !"loading".equals(readyState()));
        } catch (TimeoutException e) {
            throw failure("Signing in " + username + " did not come back to " + origin, e);
        }
        waitFor(By.tagName("h1"));
    }

    /**
     * The header's "Sign out" button: ends the gateway's and Keycloak's sessions; done once Keycloak's login form
     * shows (Keycloak sends the browser back to the gateway, which sends an unsigned browser to sign in).
     */
    public ClinicBrowser signOut() {
        waitFor(By.cssSelector("form[data-logout] button")).click();
        try {
            new WebDriverWait(driver, WAIT).until(d -> !onOrigin() && !d.findElements(By.id("username")).isEmpty());
        } catch (TimeoutException e) {
            throw failure("Signing out " + signedInAs + " did not end on Keycloak's login page", e);
        }
        signedInAs = null;
        return this;
    }

    /**
     * Loads the gateway's page at {@code path} (e.g. {@code /patients/new}), as typing it in the address bar. If the
     * session has ended meanwhile (a long journey), the user signs in again on Keycloak's page and the path is loaded.
     */
    public ClinicBrowser open(String path) {
        driver.get(origin + path);
        if (signedInAs != null && !onOrigin() && !driver.findElements(By.id("username")).isEmpty()) {
            // the gateway's session ended (30 minutes idle, or Keycloak's ended): sign in again, as the user would
            submitKeycloakLogin(signedInAs);
            if (!currentPath().equals(path)) {
                driver.get(origin + path);
            }
        }
        return this;
    }

    /** Loads an absolute URL as received (a link in an e-mail), with no sign-in whatever the page answers. */
    public ClinicBrowser openLink(String url) {
        driver.get(url);
        return this;
    }

    /** The gateway's URL the browser uses (e.g. {@code http://localhost:41234}). */
    public String origin() {
        return origin;
    }

    /** The path (and query) of the page shown, when it is on the gateway's origin. */
    public String currentPath() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The Selenium driver (a {@link WebDriver}; Chromium's, so scripts and DevTools commands are at hand). */
    public ChromeDriver driver() {
        return driver;
    }

    /** Runs JavaScript in the page, e.g. {@code script("return document.activeElement.id")}. */
    public Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    /**
     * The element, once visible (within 15 s). If it does not appear the test fails with the page's URL, its h1 and
     * alerts, and a screenshot {@code failure-<time>.png}.
     */
    public WebElement waitFor(By locator) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw failure("No visible " + locator + " within " + WAIT.toSeconds() + " s", e);
        }
    }

    /**
     * Waits (15 s) until Chart.js has drawn a chart on the canvas and returns how many data points it shows; if none
     * is drawn the test fails saying whether Chart.js was loaded on the page at all.
     */
    public int waitForChart(By canvas) {
        WebElement element = waitFor(canvas);
        try {
            Object points = new WebDriverWait(driver, WAIT).until(d -> driver.executeScript(
                    "const chart = window.Chart && window.Chart.getChart(arguments[0]);"
                            + " return chart ? chart.data.datasets.reduce((n, set) => n + set.data.length, 0) : null;",
                    element));
            return ((Number) points).intValue();
        } catch (TimeoutException e) {
            boolean loaded = Boolean.TRUE.equals(driver.executeScript("return typeof window.Chart !== 'undefined'"));
            throw failure(loaded ? "Chart.js drew no chart on " + canvas
                    : "No chart on " + canvas + ": Chart.js (/webjars/chart.js/dist/chart.umd.min.js) is not loaded on this page", e);
        }
    }

    /**
     * axe-core on the page shown (WCAG 2.1 A/AA): fails listing each serious or critical violation; the full
     * report is written to {@code target/accessibility/<name>.json}.
     */
    public void checkAccessibility(String name) {
        List<Rule> failing = AccessibilityCheck.failingViolations(driver, name);
        if (!failing.isEmpty()) {
            throw new AssertionError("Accessibility of " + name + " (" + driver.getCurrentUrl() + "): "
                    + failing.size() + " serious or critical violation(s); report in "
                    + AccessibilityCheck.REPORTS.resolve(name + ".json").toAbsolutePath() + "\n"
                    + AccessibilityCheck.describe(failing));
        }
    }

    /**
     * The whole page (beyond the window, through Chromium's DevTools protocol) as
     * {@code target/screenshots/<name>.png}.
     */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.toAbsolutePath().resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, fullPagePng());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The HTTP status of the page shown (its document, not what htmx fetched since), e.g. 403 for a screen that is
     * not for the user's role.
     */
    public int pageStatus() {
        Object status = script("return performance.getEntriesByType('navigation')[0].responseStatus");
        return ((Number) status).intValue();
    }

    /**
     * Fails unless the page fits the window's width (no sideways scrolling of the whole page; a wide table may
     * scroll in its own box).
     */
    public void assertFitsTheWidth() {
        Object overflow = script("return document.documentElement.scrollWidth - window.innerWidth");
        if (((Number) overflow).intValue() > 0) {
            throw failure("The page is " + overflow + " px wider than the window", null);
        }
    }

    /**
     * Every console error the browser logged since it opened: script errors, failed requests and Content
     * Security Policy violations (Chromium logs those as errors: "Executing inline script violates the following
     * Content Security Policy directive ...", "Applying inline style violates ...").
     * <p>
     * Not counted: a 4xx answer ("Failed to load resource: the server responded with a status of 403"), which
     * Chromium logs for a refused page or a refused form alike: tests check what such a page says and its
     * {@link #pageStatus()}; and the browser's own request for {@code /favicon.ico}.
     */
    public List<String> consoleErrors() {
        drainConsole();
        return console.stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !CLIENT_ERROR_ANSWER.matcher(message).find())
                .filter(message -> !message.contains("/favicon.ico - Failed to load resource"))
                .toList();
    }

    /** Every console message since the browser opened (all levels), for a test that looks for a warning. */
    public List<LogEntry> consoleMessages() {
        drainConsole();
        return List.copyOf(console);
    }

    /** Fails listing the console errors (CSP violations among them) logged since the browser opened. */
    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("The browser logged " + errors.size() + " console error(s):\n- "
                    + String.join("\n- ", errors));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private boolean onOrigin() {
        return driver.getCurrentUrl().startsWith(origin + "/") || driver.getCurrentUrl().equals(origin);
    }

    private String readyState() {
        return String.valueOf(driver.executeScript("return document.readyState"));
    }

    /** The browser keeps console messages until read; reading them keeps them here for the whole session. */
    private void drainConsole() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    }

    private byte[] fullPagePng() {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                    .get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) size.get("width")).doubleValue(),
                    "height", ((Number) size.get("height")).doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (WebDriverException | ClassCastException | NullPointerException e) {
            return driver.getScreenshotAs(OutputType.BYTES); // the window only
        }
    }

    /** A failed wait explained: where the browser is, what the page says, and a screenshot of it. */
    private AssertionError failure(String what, Exception cause) {
        StringBuilder message = new StringBuilder(what).append("\n  at ").append(safe(driver::getCurrentUrl))
                .append(" (title: ").append(safe(driver::getTitle)).append(")");
        try {
            String headings = driver.findElements(By.tagName("h1")).stream().map(WebElement::getText)
                    .collect(Collectors.joining(" | "));
            message.append("\n  h1: ").append(headings.isEmpty() ? "(none)" : headings);
            String alerts = driver.findElements(By.cssSelector("[role=alert], .banner-error, .alert-error, #input-error"))
                    .stream().filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                    .collect(Collectors.joining(" | "));
            message.append("\n  alerts: ").append(alerts.isEmpty() ? "(none)" : alerts);
            message.append("\n  screenshot: ").append(screenshot("failure-" + LocalTime.now().format(FAILURE_TIME)));
        } catch (RuntimeException e) {
            message.append("\n  (could not read the page: ").append(e.getMessage()).append(")");
        }
        return new AssertionError(message.toString(), cause);
    }

    private static String safe(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private void deleteProfile() {
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        } catch (IOException e) {
            // a leftover profile under target/ is harmless; the next clean removes it
        }
    }
}
