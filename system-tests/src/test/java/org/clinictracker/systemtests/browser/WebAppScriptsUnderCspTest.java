package org.clinictracker.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinictracker.systemtests.browser.HeadlessChromium.Screen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The web app's scripts as the browser runs them, without the clinic: htmx and Chart.js from their WebJars and the
 * web app's own {@code app.js}, on a page with the layout's htmx configuration, under the Content Security Policy the
 * gateway sends (read from its application.yml). An htmx swap and Chart.js drawing, on the page and in a swapped-in
 * fragment, must work and log no CSP violation. Fast evidence that the policy and the scripts agree; the browser
 * tests against the running clinic check the real pages.
 */
class WebAppScriptsUnderCspTest {

    private static final Path ROOT = Path.of(System.getProperty("clinic.system.root", "..")).toAbsolutePath().normalize();
    private static final String CHART = "{\"type\":\"line\",\"data\":{\"labels\":[\"0\",\"90\",\"180\"],"
            + "\"datasets\":[{\"label\":\"Pain\",\"data\":[8,3,6]}]},\"options\":{\"animation\":false}}";

    private static HttpServer server;
    private static String origin;
    private static String policy;

    @BeforeAll
    static void serveTheWebAppsScripts() throws IOException {
        policy = gatewayContentSecurityPolicy();
        String page = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                %s
                <title>Scripts · Clinic tracker</title>
                <link rel="stylesheet" href="/assets/app.css">
                <script src="/webjars/htmx.org/dist/htmx.min.js" defer></script>
                <script src="/webjars/chart.js/dist/chart.umd.min.js" defer></script>
                <script src="/assets/app.js" defer></script>
                </head><body><main id="main" tabindex="-1"><h1>Scripts</h1>
                <button type="button" id="find" hx-get="/fragment" hx-target="#found" hx-swap="innerHTML">Find</button>
                <div id="found" aria-live="polite"></div>
                <div class="chart-box"><canvas id="page-chart" role="img" aria-label="Pain over time" data-chart='%s'></canvas></div>
                </main></body></html>""".formatted(layoutHtmxConfig(), CHART);
        String fragment = """
                <p id="swapped">1 patient found</p>
                <div class="chart-box"><canvas id="fragment-chart" role="img" aria-label="Relief" data-chart='%s'></canvas></div>
                """.formatted(CHART);

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/page" -> send(exchange, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
                case "/fragment" -> send(exchange, "text/html; charset=utf-8", fragment.getBytes(StandardCharsets.UTF_8));
                case "/webjars/htmx.org/dist/htmx.min.js" -> send(exchange, "text/javascript", webJar("htmx.org", "dist/htmx.min.js"));
                case "/webjars/chart.js/dist/chart.umd.min.js" -> send(exchange, "text/javascript", webJar("chart.js", "dist/chart.umd.min.js"));
                case "/assets/app.js" -> send(exchange, "text/javascript", webAsset("app.js"));
                case "/assets/app.css" -> send(exchange, "text/css", webAsset("app.css"));
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                }
            }
        });
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    @Test
    void htmx_and_chart_js_work_under_the_gateways_policy_without_a_violation() {
        assertThat(policy).contains("script-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline");
        try (ClinicBrowser browser = ClinicBrowser.onOrigin(origin, Screen.DESKTOP)) {
            browser.open("/page");
            assertThat(browser.waitForChart(By.id("page-chart"))).as("points drawn on the page's chart").isEqualTo(3);

            browser.waitFor(By.id("find")).click();
            assertThat(browser.waitFor(By.id("swapped")).getText()).isEqualTo("1 patient found");
            assertThat(browser.waitForChart(By.id("fragment-chart"))).as("points drawn in the swapped-in fragment").isEqualTo(3);

            browser.checkAccessibility("infrastructure-scripts-under-csp");
            browser.screenshot("infrastructure-scripts-under-csp");
            browser.assertNoConsoleErrors();
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Content-Security-Policy", policy);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** {@code gateway.headers.content-security-policy} of the gateway's application.yml, {keycloak} filled in. */
    private static String gatewayContentSecurityPolicy() {
        List<String> lines = read(ROOT.resolve("gateway/src/main/resources/application.yml")).lines().toList();
        List<String> policy = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("content-security-policy: >-")) {
                int indent = lines.get(i).indexOf('c');
                for (int j = i + 1; j < lines.size() && lines.get(j).indexOf(lines.get(j).trim()) > indent; j++) {
                    policy.add(lines.get(j).trim());
                }
            }
        }
        assertThat(policy).as("the gateway's content-security-policy").isNotEmpty();
        return String.join(" ", policy).replace("{keycloak}", "http://localhost:8180");
    }

    /** The layout's {@code <meta name="htmx-config">}: htmx behaves here as on the web app's pages. */
    private static String layoutHtmxConfig() {
        Matcher meta = Pattern.compile("<meta name=\"htmx-config\"\\s+content='[^']*'\\s*/?>")
                .matcher(read(ROOT.resolve("web/src/main/resources/templates/layout/page.html")));
        assertThat(meta.find()).as("htmx-config in layout/page.html").isTrue();
        return meta.group();
    }

    private static byte[] webAsset(String name) {
        try {
            return Files.readAllBytes(ROOT.resolve("web/src/main/resources/static/assets").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] webJar(String artifact, String file) {
        ClassLoader loader = WebAppScriptsUnderCspTest.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            Properties properties = new Properties();
            properties.load(pom);
            try (InputStream script = loader.getResourceAsStream(
                    "META-INF/resources/webjars/" + artifact + "/" + properties.getProperty("version") + "/" + file)) {
                return script.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
