package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.clinictracker.gateway.StandInService;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * Every answer of the gateway carries its security headers once, whether the gateway wrote it (401, a redirect)
 * or a service did (the stand-in sends the headers a service's Spring Security adds); HSTS on https only; CORS
 * only for the configured origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "clinic.gateway.cors.allowed-origins=https://clinic.example.org")
class ResponseProtectionsTests {

    private static final StandInService SERVICES = StandInService.answering();
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self' http://localhost:8180; form-action 'self' http://localhost:8180; "
            + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    @DynamicPropertySource
    static void servicesAreTheStandIn(DynamicPropertyRegistry registry) {
        LocalKeycloak.ensureRunning();
        SERVICES.standInForAllServices(registry);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void a_services_answer_carries_the_gateways_headers_once_each() {
        String token = KeycloakTokens.accessTokenOfRole("front-desk");
        ResponseSpec answer = client.get().uri("/api/patients?q=ada").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        assertSecurityHeaders(answer);
        answer.expectHeader().values(HttpHeaders.CACHE_CONTROL, values -> assertThat(values).hasSize(1))
                .expectHeader().values("X-XSS-Protection", values -> assertThat(values).containsExactly("0"));
    }

    @Test
    void the_gateways_own_answers_carry_them_too() {
        assertSecurityHeaders(client.get().uri("/api/patients").exchange().expectStatus().isUnauthorized());
        assertSecurityHeaders(client.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound());
    }

    /** Only a browser opening a page is sent to sign in; a script or a monitoring tool gets the API's 401. */
    @Test
    void without_a_session_only_a_page_opened_by_a_browser_goes_to_the_sign_in() {
        client.get().uri("/").accept(MediaType.TEXT_HTML, MediaType.ALL).exchange().expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, BrowserSessionSecurity.SIGN_IN_PATH);
        for (String path : new String[] { "/", "/actuator/info", "/fallback/patients", "/no-such-page" }) {
            client.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            client.get().uri(path).exchange().expectStatus().isUnauthorized();
        }
        client.get().uri("/api/patients").accept(MediaType.TEXT_HTML).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void answers_over_https_carry_hsts_and_a_secure_session_cookie_and_plain_http_ones_do_not() {
        // a browser asking for a page: the gateway keeps it in a new session for after the sign-in
        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security")
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(sessionCookie(cookies))
                        .doesNotContainIgnoringCase("Secure"));
        // The gateway serving https (here bound directly to the application with https requests).
        WebTestClient.bindToApplicationContext(context).configureClient().baseUrl("https://clinic.example.org").build()
                .get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains")
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(sessionCookie(cookies))
                        .containsIgnoringCase("; Secure"));
    }

    @Test
    void only_the_configured_origin_may_call_from_a_browser() {
        client.options().uri("/api/patients")
                .header(HttpHeaders.ORIGIN, "https://clinic.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-xsrf-token")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://clinic.example.org")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"));

        client.options().uri("/api/patients")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(cookie -> cookie.startsWith("CLINIC_SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }

    private static void assertSecurityHeaders(ResponseSpec answer) {
        answer.expectHeader().values("Content-Security-Policy", values -> assertThat(values).containsExactly(CSP))
                .expectHeader().values("X-Content-Type-Options", values -> assertThat(values).containsExactly("nosniff"))
                .expectHeader().values("X-Frame-Options", values -> assertThat(values).containsExactly("DENY"))
                .expectHeader().values("Referrer-Policy", values -> assertThat(values).containsExactly("no-referrer"));
    }
}
