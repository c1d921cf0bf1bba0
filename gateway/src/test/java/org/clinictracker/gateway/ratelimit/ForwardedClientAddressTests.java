package org.clinictracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.clinictracker.gateway.StandInService;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Behind the Ingress (CLINIC_FORWARD_HEADERS=native) every request comes from the proxy's address: the patients are
 * told apart by the client the proxy names in X-Forwarded-For, so one patient's limit is not everyone's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CLINIC_FORWARD_HEADERS=native", "CLINIC_PUBLIC_BURST=2", "CLINIC_PUBLIC_RATE_PER_MINUTE=1" })
class ForwardedClientAddressTests {

    private static final StandInService SERVICES = StandInService.answering();

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

    @Test
    void each_client_the_proxy_names_has_an_allowance_of_its_own() {
        WebTestClient ingress = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 2; i++) {
            ingress.get().uri("/answer?token=t" + i).header("X-Forwarded-For", "198.51.100.7")
                    .accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        }
        ingress.get().uri("/answer?token=t2").header("X-Forwarded-For", "198.51.100.7")
                .accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(429);

        ingress.get().uri("/answer?token=t3").header("X-Forwarded-For", "198.51.100.8")
                .accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        assertThat(SERVICES.received()).hasSize(3);
    }
}
