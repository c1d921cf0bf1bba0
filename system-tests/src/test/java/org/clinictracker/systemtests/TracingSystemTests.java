package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of the running clinic: one trace id from the gateway through Kafka into the consumers,
 * in every part's log; the readiness and liveness probes; the Prometheus metrics of every part, for clinic-admin
 * only.
 */
class TracingSystemTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The correlation part of a text log line: {@code [traceId,spanId] [requestId]}. */
    private static final String CORRELATION = "\\[([0-9a-f]{32}),[0-9a-f]{16}\\] \\[%s\\]";
    private static final Duration LOG_WAIT = Duration.ofSeconds(30);

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void a_registration_keeps_one_trace_id_from_the_gateway_through_kafka_into_both_consumers() {
        String requestId = "trace-" + UUID.randomUUID();
        String familyName = uniqueFamilyName();
        HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(clinic.gateway().baseUrl() + "/api/patients"))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken("frontdesk1"))
                .header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(registration(familyName))));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        // the gateway starts the trace (the caller sent none) and logs it with the request id
        String gatewayLine = awaitLine(ClinicService.GATEWAY, line -> line.contains("POST /api/patients")
                && line.contains("requestId=" + requestId));
        String traceId = traceIdOf(gatewayLine, Pattern.quote(requestId));

        // patient-service continues it and writes the event with it ...
        String outboxLine = awaitLine(ClinicService.PATIENTS,
                line -> line.contains("(PatientRegistered)") && line.contains("written to the outbox")
                        && line.contains("[" + requestId + "]"));
        assertThat(traceIdOf(outboxLine, Pattern.quote(requestId))).as("patient-service's trace id").isEqualTo(traceId);
        String eventId = eventIdOf(outboxLine);

        // ... and both consumers apply that event in the same trace
        for (ClinicService consumer : List.of(ClinicService.PROCEDURES, ClinicService.FOLLOWUPS)) {
            String applied = awaitLine(consumer, line -> line.contains("Applying event " + eventId));
            assertThat(traceIdOf(applied, "[^\\]]*")).as("%s's trace id for event %s", consumer.module(), eventId)
                    .isEqualTo(traceId);
        }
        // and no line of the trace carries the patient's data (the web app is no part of an API call)
        for (ClinicService part : ClinicService.API_PARTS) {
            assertThat(linesOf(part).stream().filter(line -> line.contains(traceId)))
                    .as("%s's lines of the trace", part.module())
                    .isNotEmpty()
                    .noneMatch(line -> line.contains(familyName) || line.contains("1961-04-17")
                            || line.contains("AH-778812"));
        }
    }

    @Test
    void a_malformed_request_leaves_the_name_it_searched_out_of_every_log() throws IOException {
        String name = uniqueFamilyName();
        for (ClinicService part : ClinicService.values()) {
            // a raw request line no HTTP client would send: '{' and '}' are not allowed in a request target
            try (Socket socket = new Socket("127.0.0.1", clinic.service(part).port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET /api/patients?q=" + name + "{x} HTTP/1.1\r\nHost: clinic\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                        .as("%s's answer", part.module()).startsWith("HTTP/1.1 4");
            }
        }
        // logs are written as the line happens; give a late one a moment, then none may name the patient
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (ClinicService part : ClinicService.values()) {
                assertThat(linesOf(part)).as("%s's log", part.module()).noneMatch(line -> line.contains(name));
            }
        });
    }

    @Test
    void every_part_is_live_and_ready_and_a_service_is_ready_only_with_its_database() {
        SoftAssertions softly = new SoftAssertions();
        for (ClinicService part : ClinicService.values()) {
            String base = clinic.service(part).baseUrl();
            HttpAnswer liveness = HttpAnswer.call("GET", base + "/actuator/health/liveness", null);
            HttpAnswer readiness = HttpAnswer.call("GET", base + "/actuator/health/readiness", null);
            softly.assertThat(liveness.status()).as("%s liveness", part.module()).isEqualTo(200);
            softly.assertThat(readiness.status()).as("%s readiness", part.module()).isEqualTo(200);
            if (part.database().isPresent()) {
                softly.assertThat(readiness.json().path("components").path("db").path("status").asString())
                        .as("%s readiness: database", part.module()).isEqualTo("UP");
                softly.assertThat(readiness.body()).as("%s readiness: Kafka is not part of it", part.module())
                        .doesNotContainIgnoringCase("kafka");
            }
        }
        softly.assertAll();
    }

    @Test
    void every_part_shows_its_metrics_to_clinic_admin_only() {
        String admin = KeycloakTokens.accessToken("admin1");
        String frontDesk = KeycloakTokens.accessToken("frontdesk1");
        // something to measure: one registration, its event relayed and consumed
        HttpAnswer registered = HttpAnswer.callWithJson("POST", clinic.gateway().baseUrl() + "/api/patients", frontDesk,
                registration(uniqueFamilyName()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        SoftAssertions softly = new SoftAssertions();
        // the web app exposes no metrics (health only); its page requests are measured at the gateway
        for (ClinicService part : ClinicService.API_PARTS) {
            String metrics = clinic.service(part).baseUrl() + "/actuator/prometheus";
            softly.assertThat(HttpAnswer.call("GET", metrics, null).refusedAsUnauthenticated())
                    .as("%s metrics without token", part.module()).isTrue();
            softly.assertThat(HttpAnswer.call("GET", metrics, frontDesk).refusedAsForbidden())
                    .as("%s metrics for front desk", part.module()).isTrue();
        }
        await("every part's metrics").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    SoftAssertions each = new SoftAssertions();
                    for (ClinicService part : ClinicService.API_PARTS) {
                        HttpAnswer answer = HttpAnswer.call("GET", clinic.service(part).baseUrl() + "/actuator/prometheus", admin);
                        each.assertThat(answer.status()).as("%s metrics for clinic-admin", part.module()).isEqualTo(200);
                        each.assertThat(answer.body()).as("%s metrics", part.module())
                                .contains("http_server_requests_seconds_count{", "jvm_memory_used_bytes{")
                                .contains("application=\"" + part.module() + "\"");
                        if (part != ClinicService.GATEWAY) {
                            each.assertThat(answer.body()).as("%s metrics", part.module()).contains(
                                    "hikaricp_connections_active{", "clinic_outbox_backlog{", "clinic_outbox_failed{",
                                    "clinic_outbox_events_failed_total{");
                        }
                        if (part == ClinicService.PATIENTS) {
                            each.assertThat(answer.body()).as("patient-service published events")
                                    .containsPattern("clinic_outbox_events_published_total\\{[^}]*\\} [1-9]");
                        }
                        if (part == ClinicService.PROCEDURES || part == ClinicService.FOLLOWUPS) {
                            each.assertThat(answer.body()).as("%s consumer lag", part.module())
                                    .contains("kafka_consumer_fetch_manager_records_lag_max{")
                                    .contains("spring_kafka_listener_seconds_count{");
                        }
                    }
                    each.assertAll();
                });
        softly.assertAll();
    }

    /** A new person each time (the same name and birth date twice would be refused as a duplicate). */
    private static String uniqueFamilyName() {
        StringBuilder name = new StringBuilder("Zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static String registration(String familyName) {
        return """
                {"givenName":"Maria","familyName":"%s","birthDate":"1961-04-17","sex":"FEMALE","phone":"+1 555 0100",
                 "email":"patient@example.org",
                 "address":{"line1":"12 Harbour Road","city":"Porto","postalCode":"4000-123","country":"PT"},
                 "preferredLanguage":"pt-PT",
                 "emergencyContact":{"name":"Rui Silva","phone":"+351 900 000 000","relationship":"spouse"},
                 "insurance":{"payer":"Acme Health","memberId":"AH-778812"},"referringClinician":"Dr. Ana Costa",
                 "indication":{"code":"KNEE_OSTEOARTHRITIS","text":"Right knee, Kellgren-Lawrence 3"},
                 "painLocation":"right knee","laterality":"RIGHT","painDurationMonths":18,"baselinePainScore":7,
                 "opioidMmePerDay":15,"anticoagulated":false,"currentTherapies":["PHYSICAL_THERAPY","NSAID"]}"""
                .formatted(familyName);
    }

    private static String traceIdOf(String line, String requestIdPattern) {
        Matcher matcher = Pattern.compile(CORRELATION.formatted(requestIdPattern)).matcher(line);
        assertThat(matcher.find()).as("a trace id in: %s", line).isTrue();
        return matcher.group(1);
    }

    private static String eventIdOf(String outboxLine) {
        Matcher matcher = Pattern.compile("Event ([0-9a-f-]{36}) \\(PatientRegistered\\)").matcher(outboxLine);
        assertThat(matcher.find()).as("an event id in: %s", outboxLine).isTrue();
        return matcher.group(1);
    }

    private static String awaitLine(ClinicService part, java.util.function.Predicate<String> matching) {
        return await(part.module() + "'s log line").atMost(LOG_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> linesOf(part).stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static List<String> linesOf(ClinicService part) {
        try {
            return Files.readAllLines(clinic.service(part).log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
