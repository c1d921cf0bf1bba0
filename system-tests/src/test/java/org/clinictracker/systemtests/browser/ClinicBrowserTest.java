package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.clinictracker.systemtests.browser.HeadlessChromium.Screen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

/**
 * The browser tests' own machinery, against a few pages served from this JVM (no clinic needed): Debian's Chromium
 * starts through the named chromedriver without Selenium Manager, at the screen sizes asked; axe-core fails a page
 * with serious violations naming the rule and the element, and passes a clean one; screenshots cover the whole page;
 * CSP violations are caught as console errors; a failed wait says where the browser was.
 */
class ClinicBrowserTest {

    private static final String CLEAN_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Clean · Clinic tracker</title></head>
            <body><main><h1>Patients</h1><form><label for="q">Find a patient</label><input id="q" name="q"></form>
            %s</main></body></html>""".formatted("<p>A line of text that makes the page taller than the window.</p>".repeat(80));
    private static final String FLAWED_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flawed</title></head>
            <body><main><h1>Flawed</h1><img src="/missing.png"><input id="unlabelled"></main></body></html>""";
    private static final String INLINE_SCRIPT_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Inline</title></head>
            <body><main><h1>Inline script</h1><script>document.title = 'ran';</script></main></body></html>""";

    private static final String WIDE_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Wide</title></head>
            <body><main><h1>Wide</h1><pre>%s</pre></main></body></html>""".formatted("wide ".repeat(400));

    private static HttpServer pages;
    private static String origin;
    private static final List<String> seleniumLog = new CopyOnWriteArrayList<>();
    private static final Logger DRIVER_FINDER = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");
    private static final Handler RECORD = new Handler() {
        @Override
        public void publish(LogRecord record) {
            seleniumLog.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void servePages() throws IOException {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> html = Map.of("/clean", CLEAN_PAGE, "/flawed", FLAWED_PAGE, "/inline-script", INLINE_SCRIPT_PAGE,
                "/wide", WIDE_PAGE);
        pages.createContext("/", exchange -> {
            String page = html.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not here" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pages.start();
        origin = "http://127.0.0.1:" + pages.getAddress().getPort();
        DRIVER_FINDER.setLevel(Level.FINE);
        DRIVER_FINDER.addHandler(RECORD);
    }

    @AfterAll
    static void stopServing() {
        DRIVER_FINDER.removeHandler(RECORD);
        pages.stop(0);
    }

    @Test
    void chromium_starts_through_debians_driver_without_selenium_manager_at_desktop_size() {
        try (ClinicBrowser browser = ClinicBrowser.onOrigin(origin, Screen.DESKTOP)) {
            browser.open("/clean");
            assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Patients");
            assertThat(browser.pageStatus()).isEqualTo(200);
            assertThat(viewport(browser)).isEqualTo(List.of(1280L, 800L));
            assertThat(browser.driver().getCapabilities().getBrowserVersion()).startsWith(chromiumMajor());
            assertThat(String.valueOf(browser.driver().executeScript("return navigator.language"))).startsWith("en");
            browser.assertNoConsoleErrors();
        }
        assertThat(seleniumLog).anyMatch(line -> line.startsWith("Skipping Selenium Manager"));
    }

    @Test
    void a_tablet_browser_is_820_by_1180() {
        try (ClinicBrowser browser = ClinicBrowser.onOrigin(origin, Screen.TABLET)) {
            browser.open("/clean");
            browser.waitFor(By.tagName("h1"));
            assertThat(viewport(browser)).isEqualTo(List.of(820L, 1180L));
            browser.assertFitsTheWidth();

            browser.open("/wide").waitFor(By.tagName("h1"));
            assertThatThrownBy(browser::assertFitsTheWidth)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("px wider than the window")
                    .hasMessageContaining(origin + "/wide");
        }
    }

    @Test
    void axe_fails_a_page_with_serious_violations_naming_rule_and_element_and_passes_a_clean_one() throws IOException {
        try (ClinicBrowser browser = ClinicBrowser.onOrigin(origin, Screen.DESKTOP)) {
            browser.open("/clean").waitFor(By.tagName("h1"));
            browser.checkAccessibility("infrastructure-clean");
            assertThat(Files.readString(AccessibilityCheck.REPORTS.resolve("infrastructure-clean.json")))
                    .contains("\"passes\"", "\"violations\"");

            browser.open("/flawed").waitFor(By.tagName("h1"));
            assertThatThrownBy(() -> browser.checkAccessibility("infrastructure-flawed"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt (critical)")
                    .hasMessageContaining("label (critical)")
                    .hasMessageContaining("at img")
                    .hasMessageContaining("#unlabelled");
            assertThat(Files.readString(AccessibilityCheck.REPORTS.resolve("infrastructure-flawed.json")))
                    .contains("image-alt");
        }
    }

    @Test
    void a_screenshot_shows_the_whole_page_and_a_failed_wait_says_where_the_browser_was() throws IOException {
        try (ClinicBrowser browser = ClinicBrowser.onOrigin(origin, Screen.DESKTOP)) {
            browser.open("/clean").waitFor(By.tagName("h1"));
            Path shot = browser.screenshot("infrastructure-clean");
            assertThat(shot).isEqualTo(ClinicBrowser.SCREENSHOTS.toAbsolutePath().resolve("infrastructure-clean.png"));
            byte[] png = Files.readAllBytes(shot);
            assertThat(pngSize(png).get(0)).isEqualTo(1280);
            assertThat(pngSize(png).get(1)).as("height of the whole page, beyond the 800 px window").isGreaterThan(1200);

            assertThatThrownBy(() -> browser.waitFor(By.id("not-on-this-page")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("By.id: not-on-this-page")
                    .hasMessageContaining(origin + "/clean")
                    .hasMessageContaining("h1: Patients")
                    .hasMessageContaining("failure-");
        }
    }

    @Test
    void a_content_security_policy_violation_is_a_console_error_and_a_refused_page_is_its_status() {
        try (ClinicBrowser browser = ClinicBrowser.onOrigin(origin, Screen.DESKTOP)) {
            browser.open("/not-here");
            assertThat(browser.pageStatus()).isEqualTo(404);
            assertThat(browser.consoleErrors()).as("a 4xx page is checked by its status, not as a console error").isEmpty();

            browser.open("/inline-script").waitFor(By.tagName("h1"));
            assertThat(browser.driver().getTitle()).as("the inline script was refused").isEqualTo("Inline");
            assertThatThrownBy(browser::assertNoConsoleErrors)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("inline-script")
                    .hasMessageContaining("violates the following Content Security Policy directive")
                    .hasMessageNotContaining("favicon");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> viewport(ClinicBrowser browser) {
        return (List<Long>) browser.driver().executeScript("return [window.innerWidth, window.innerHeight]");
    }

    /** The installed Chromium's major version: the browser driven is Debian's, whatever Selenium would pick. */
    private static String chromiumMajor() {
        try {
            Process version = new ProcessBuilder(ChromiumInstall.CHROMIUM.toString(), "--version").start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("^\\D*(\\d+)\\..*$", "$1").trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Width and height from a PNG's IHDR chunk. */
    private static List<Integer> pngSize(byte[] png) {
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(png, 16, 8);
        return List.of(header.getInt(), header.getInt());
    }
}
