package org.clinictracker.web.answer;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.platform.requestid.RequestIds;
import org.clinictracker.web.api.ApiProblem;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * followup-service's public API for patients ({@code /api/patient-answers}), called directly as a service-to-service
 * call. No user token: the link's token in the body is the only credential. The page's X-Request-Id goes along so
 * the service's audit ties its lines to the page. Short timeouts: a patient waits on the other end of a phone.
 * A refusal is an {@link ApiProblem}; no answer at all is Spring's {@code ResourceAccessException}.
 */
@Component
class PatientAnswersClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final RestClient client;
    private final JsonMapper json;

    PatientAnswersClient(RestClient.Builder builder, FollowupServiceProperties properties, JsonMapper json) {
        this.json = json;
        this.client = builder.clone()
                .baseUrl(properties.followupServiceUrl().toString())
                // plain HTTP/1.1: no h2c upgrade attempt on each new connection to the service
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
                        .build(HttpClientSettings.defaults().withConnectTimeout(CONNECT_TIMEOUT)
                                .withReadTimeout(READ_TIMEOUT)))
                .defaultStatusHandler(HttpStatusCode::isError, this::refuse)
                .build();
    }

    /** Opens the link: who it is for (first name only) and the visit's day; the service marks it opened. */
    LinkOpened open(String token, boolean viewed) {
        return client.post().uri("/api/patient-answers/open")
                .headers(this::fromThePage)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token, "viewed", viewed))
                .retrieve().body(LinkOpened.class);
    }

    /** Records the answers as the visit's outcome; the day the service took them and whom it thanks. */
    Answered submit(PatientAnswers answers) {
        Answered answered = client.post().uri("/api/patient-answers")
                .headers(this::fromThePage)
                .contentType(MediaType.APPLICATION_JSON)
                .body(answers)
                .retrieve().body(Answered.class);
        return answered == null ? new Answered(null, null) : answered;
    }

    /** The service's answer: the day the answers count for, and the first name of the link's patient (or null). */
    record Answered(LocalDate answeredOn, String givenName) {
    }

    private void fromThePage(HttpHeaders headers) {
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page) {
            String requestId = page.getRequest().getHeader(RequestIds.HEADER);
            if (RequestIds.isSane(requestId)) {
                headers.set(RequestIds.HEADER, requestId);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void refuse(HttpRequest request, ClientHttpResponse response) throws IOException {
        Map<String, Object> problem;
        try {
            byte[] bytes = response.getBody().readAllBytes();
            problem = bytes.length == 0 ? new LinkedHashMap<>() : json.readValue(bytes, Map.class);
        } catch (IOException | RuntimeException unreadable) {
            problem = new LinkedHashMap<>(); // not problem+json (a proxy's page): the status says enough
        }
        throw new ApiProblem(response.getStatusCode().value(), problem);
    }
}
