package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import org.clinictracker.gateway.StandInService;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;

/**
 * The patient's answer page ({@code /answer?token=…}) and the public answer API reach the web app and followup-service
 * (here a stand-in) with no session and no token, and take nothing from a client's credentials; the page's answers
 * keep its token out of caches, referrers and search engines, and the access log never holds it. Each test calls
 * from a loopback address of its own, so the per-address limit of one does not touch another.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PatientAnswerPageTests {

    private static final StandInService SERVICES = StandInService.answering();
    private static final String TOKEN = "Zq3vT0kP_8bWm-1xYc7RuLh2JsNa9EdFo4GiKt5UwQe";
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

    @BeforeEach
    void forgetCalls() {
        SERVICES.forget();
    }

    @Test
    void the_answer_page_needs_no_session_and_keeps_its_token_private() {
        from("127.0.0.11").get().uri("/answer?token=" + TOKEN).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                // the stand-in sends "no-cache, no-store, max-age=0, must-revalidate": replaced, not doubled
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().doesNotExist(HttpHeaders.PRAGMA)
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Robots-Tag", "noindex")
                .expectHeader().valueEquals("Content-Security-Policy", CSP)
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectHeader().doesNotExist(HttpHeaders.LOCATION);

        assertThat(SERVICES.received()).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/answer?token=" + TOKEN);
            assertThat(call.authorization()).isNull();
            assertThat(call.cookie()).isNull();
        });
    }

    /** The link's token in the form is the credential: no CSRF token, and a client's own credentials are dropped. */
    @Test
    void the_answers_form_is_posted_without_a_csrf_token_and_reaches_the_web_app_whole_without_credentials() {
        String form = "token=" + TOKEN + "&painNow=4&comments=Better+since+the+procedure%0Awalks+more";
        from("127.0.0.12").post().uri("/answer")
                .header(HttpHeaders.COOKIE, "CLINIC_SESSION=forged; XSRF-TOKEN=forged")
                .header(HttpHeaders.AUTHORIZATION, "Bearer forged.token.value")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .bodyValue(form).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);

        assertThat(SERVICES.received()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.uri()).isEqualTo("/answer");
            assertThat(call.body()).isEqualTo(form);
            assertThat(call.authorization()).isNull();
            assertThat(call.cookie()).isNull();
        });
    }

    /**
     * A browser posts the page's form with "Origin: null" (the page is sent with Referrer-Policy no-referrer), and
     * from another site's page with that site's origin: neither is a CORS matter here, where no credential rides along.
     */
    @Test
    void the_form_posted_as_a_browser_posts_it_reaches_the_web_app_whatever_its_origin() {
        String form = "token=" + TOKEN + "&painNow=2";
        for (String origin : new String[] { "null", "https://elsewhere.example" }) {
            from("127.0.0.13").post().uri("/answer").header(HttpHeaders.ORIGIN, origin)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                    .bodyValue(form).exchange()
                    .expectStatus().isOk();
        }

        assertThat(SERVICES.received()).hasSize(2).allSatisfy(call -> assertThat(call.body()).isEqualTo(form));
    }

    @Test
    void the_public_answer_api_is_open_for_its_two_posts_and_nothing_else() {
        WebTestClient client = from("127.0.0.13");
        client.post().uri("/api/patient-answers/open").header(HttpHeaders.AUTHORIZATION, "Bearer forged.token.value")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"token\":\"" + TOKEN + "\"}").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().jsonPath("$.uri").isEqualTo("/api/patient-answers/open");
        client.post().uri("/api/patient-answers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"" + TOKEN + "\",\"painNow\":3}").exchange()
                .expectStatus().isOk();
        client.get().uri("/api/patient-answers/open").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(SERVICES.received()).extracting(StandInService.Received::uri)
                .containsExactly("/api/patient-answers/open", "/api/patient-answers");
        assertThat(SERVICES.received()).allSatisfy(call -> assertThat(call.authorization()).isNull());
    }

    @Test
    void the_clinics_own_pages_still_need_a_session_and_the_stylesheet_does_not() {
        WebTestClient client = from("127.0.0.14");
        client.get().uri("/worklist").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, BrowserSessionSecurity.SIGN_IN_PATH);
        client.get().uri("/answers-of-the-clinic").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound();
        client.get().uri("/assets/app.css").accept(MediaType.valueOf("text/css")).exchange()
                .expectStatus().isOk();

        assertThat(SERVICES.received()).extracting(StandInService.Received::uri).containsExactly("/assets/app.css");
    }

    /** The answer page's open rule covers no other page by a detour ("/answer/../worklist" is not normalised). */
    @Test
    void a_path_that_climbs_out_of_the_answer_page_is_refused() {
        WebTestClient client = from("127.0.0.16");
        for (String path : new String[] { "/answer/../worklist", "/answer/%2e%2e/worklist", "/answer/..;/worklist" }) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + path)).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isBetween(400, 499));
        }
        assertThat(SERVICES.received()).isEmpty();
    }

    @Test
    void the_access_log_names_the_page_and_never_its_token(CapturedOutput output) {
        from("127.0.0.15").get().uri("/answer?token=" + TOKEN).header("X-Request-Id", "answer-log-1")
                .accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("GET /answer route=web-public status=200 duration=\\d+ms requestId=answer-log-1"));
        assertThat(output.getAll()).doesNotContain(TOKEN, TOKEN.substring(0, 12), "token=");
    }

    /** A client calling the gateway from this loopback address (Linux answers on all of 127.0.0.0/8). */
    private WebTestClient from(String address) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }
}
