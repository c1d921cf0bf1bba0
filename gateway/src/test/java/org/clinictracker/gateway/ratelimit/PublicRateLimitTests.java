package org.clinictracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.regex.Pattern;

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
 * The patient's answer page and API are limited per client address (here 3, then 1 a minute): the next request is
 * refused with 429 and Retry-After (a page for a browser, problem+json for the API) and forwarded nowhere; another
 * address is not held up; without CLINIC_FORWARD_HEADERS=native a forged X-Forwarded-For is no other address. Each
 * test calls from a loopback address of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CLINIC_PUBLIC_BURST=3", "CLINIC_PUBLIC_RATE_PER_MINUTE=1" })
class PublicRateLimitTests {

    private static final StandInService SERVICES = StandInService.answering();
    private static final String TOKEN = "Zq3vT0kP_8bWm-1xYc7RuLh2JsNa9EdFo4GiKt5UwQe";

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
    void over_the_limit_a_browser_gets_a_page_and_the_api_a_problem_and_another_address_goes_on(CapturedOutput output) {
        WebTestClient guesser = from("127.0.0.21");
        for (int i = 0; i < 3; i++) {
            guesser.get().uri("/answer?token=guess" + i).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        }

        String page = guesser.get().uri("/answer?token=guess3").header("X-Request-Id", "public-limit-1")
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter))
                        .isBetween(1L, 60L))
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().valueEquals("X-Request-Id", "public-limit-1")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<title>Please wait a moment</title>", "have not been received yet")
                .doesNotContain("guess");

        guesser.post().uri("/api/patient-answers/open").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"" + TOKEN + "\"}").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.code").isEqualTo("too-many-requests")
                .jsonPath("$.status").isEqualTo(429);
        assertThat(SERVICES.received()).hasSize(3);

        WebTestClient patient = from("127.0.0.22");
        patient.get().uri("/answer?token=" + TOKEN).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        patient.post().uri("/api/patient-answers/open").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"" + TOKEN + "\"}").exchange().expectStatus().isOk();
        assertThat(SERVICES.received()).hasSize(5);

        // the refusal is logged once, by the access log, without the guessed token
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("GET /answer route=web-public status=429 duration=\\d+ms requestId=public-limit-1"));
        assertThat(Pattern.compile("requestId=public-limit-1").matcher(output.getOut()).results().count()).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain("guess3");
    }

    @Test
    void a_forged_x_forwarded_for_buys_no_fresh_allowance() {
        WebTestClient guesser = from("127.0.0.23");
        for (int i = 0; i < 3; i++) {
            guesser.get().uri("/answer?token=guess" + i).header("X-Forwarded-For", "203.0.113." + i)
                    .header("Forwarded", "for=203.0.113." + i).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk();
        }
        guesser.get().uri("/answer?token=guess3").header("X-Forwarded-For", "203.0.113.99")
                .header("Forwarded", "for=203.0.113.99").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(429);
        assertThat(SERVICES.received()).hasSize(3);
    }

    @Test
    void the_clinics_own_pages_and_the_stylesheet_take_nothing_from_the_allowance() {
        WebTestClient browser = from("127.0.0.24");
        for (int i = 0; i < 5; i++) {
            browser.get().uri("/assets/app.css").exchange().expectStatus().isOk();
        }
        for (int i = 0; i < 3; i++) {
            browser.get().uri("/answer?token=" + TOKEN).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        }
    }

    /** A client calling the gateway from this loopback address (Linux answers on all of 127.0.0.0/8). */
    private WebTestClient from(String address) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }
}
