package org.clinictracker.web.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.clinictracker.platform.requestid.RequestIds;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's API as the signed-in user: every call goes through the gateway (its role table, rate limits and
 * circuit breakers apply as to any client) with the user's own access token and the page request's
 * X-Request-Id, so the audit trail names the user and ties their calls to the page they used. Answers come back
 * as maps for the templates; a refusal is an {@link ApiProblem}.
 */
@Component
public class ClinicApi {

    /** FHIR's own JSON media type (https://hl7.org/fhir/R4/http.html#mime-type). */
    public static final MediaType FHIR_JSON = new MediaType("application", "fhir+json");

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> ARRAY = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;
    private final JsonMapper json;

    public ClinicApi(RestClient.Builder builder, WebProperties properties, JsonMapper json) {
        this.json = json;
        this.client = builder.baseUrl(properties.apiUrl().toString())
                .defaultStatusHandler(HttpStatusCode::isError, this::refuse)
                .build();
    }

    /** One resource (an object); the {@code uri} may hold {@code {placeholders}} filled from {@code variables}. */
    public Map<String, Object> get(String uri, Object... variables) {
        return client.get().uri(uri, variables).headers(asUser()).retrieve().body(OBJECT);
    }

    /** One resource with query parameters built safely (names as the API has them; null values left out). */
    public Map<String, Object> get(String path, Map<String, ?> query) {
        return client.get().uri(builder -> withQuery(builder.path(path), query)).headers(asUser())
                .retrieve().body(OBJECT);
    }

    /**
     * A file the API renders itself (a report as CSV, a patient's record as FHIR JSON): its bytes as they come, with
     * the type and the Content-Disposition the API gave, so the page can pass it on unchanged. Asked for as
     * {@code accept} or problem+json, so a refusal is still an {@link ApiProblem}. Read whole: a report is one row per
     * group, a record one patient's, small either way.
     */
    public ApiFile download(String path, Map<String, ?> query, MediaType accept) {
        ResponseEntity<byte[]> answer = client.get().uri(builder -> withQuery(builder.path(path), query))
                .headers(asUser())
                .headers(headers -> headers.setAccept(List.of(accept, MediaType.APPLICATION_PROBLEM_JSON)))
                .retrieve().toEntity(byte[].class);
        MediaType type = answer.getHeaders().getContentType();
        return new ApiFile(answer.getBody() == null ? new byte[0] : answer.getBody(),
                type == null ? accept.toString() : type.toString(),
                answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
    }

    /** One resource with its ETag, for a form that will update it with If-Match. */
    public ApiAnswer getForUpdate(String uri, Object... variables) {
        ResponseEntity<Map<String, Object>> answer = client.get().uri(uri, variables).headers(asUser())
                .retrieve().toEntity(OBJECT);
        return answer(answer);
    }

    /** An answer that is a JSON array (the nerve catalogue). */
    public List<Map<String, Object>> getArray(String uri, Object... variables) {
        return client.get().uri(uri, variables).headers(asUser()).retrieve().body(ARRAY);
    }

    /**
     * A creation or action. {@code idempotencyKey} (from the form, one per form shown) makes a double submit or a
     * retry after a lost answer record once; null when the call needs none.
     */
    public ApiAnswer post(String uri, Object body, String idempotencyKey, Object... variables) {
        ResponseEntity<Map<String, Object>> answer = client.post().uri(uri, variables)
                .headers(asUser())
                .headers(headers -> {
                    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(OBJECT);
        return answer(answer);
    }

    /** An update of the version the user saw ({@code ifMatch}: the ETag read with the form); stale → 412. */
    public ApiAnswer put(String uri, String ifMatch, Object body, Object... variables) {
        ResponseEntity<Map<String, Object>> answer = client.put().uri(uri, variables)
                .headers(asUser())
                .headers(headers -> headers.setIfMatch(ifMatch))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(OBJECT);
        return answer(answer);
    }

    private static ApiAnswer answer(ResponseEntity<Map<String, Object>> answer) {
        URI location = answer.getHeaders().getLocation();
        return new ApiAnswer(answer.getBody(), answer.getHeaders().getETag(), location == null ? null : location.toString());
    }

    /** Values go in as URI variables, so each is encoded whole ("&", "+" and "=" in a name stay part of it). */
    private static URI withQuery(UriBuilder builder, Map<String, ?> query) {
        Map<String, Object> values = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isEmpty()) {
                builder.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        });
        return builder.build(values);
    }

    private static Consumer<HttpHeaders> asUser() {
        return headers -> {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user instanceof JwtAuthenticationToken token) {
                headers.setBearerAuth(token.getToken().getTokenValue());
            }
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page) {
                String requestId = page.getRequest().getHeader(RequestIds.HEADER);
                if (requestId != null && RequestIds.isSane(requestId)) {
                    headers.set(RequestIds.HEADER, requestId);
                }
            }
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        };
    }

    @SuppressWarnings("unchecked")
    private void refuse(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        Map<String, Object> problem;
        try {
            byte[] bytes = response.getBody().readAllBytes();
            problem = bytes.length == 0 ? new LinkedHashMap<>() : json.readValue(bytes, Map.class);
        } catch (IOException | RuntimeException unreadable) {
            problem = new LinkedHashMap<>(); // not problem+json (a proxy's page): the status says enough
        }
        throw new ApiProblem(status, problem);
    }
}
