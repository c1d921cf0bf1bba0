package org.clinictracker.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/** The record export's raw call, against a stand-in for the gateway: what it asks for and what it hands back. */
class ClinicApiFhirTest {

    private static final UUID PATIENT = UUID.fromString("7ec9ea31-f2e4-45cc-82fb-2ce6d69ead2d");
    private static final String EXPORT_URL = "http://gateway.test/api/fhir/Patient/" + PATIENT + "/$everything";

    private MockRestServiceServer gateway;
    private ClinicApi api;

    @BeforeEach
    void signedInAsACoordinator() {
        RestClient.Builder builder = RestClient.builder();
        gateway = MockRestServiceServer.bindTo(builder).build();
        api = new ClinicApi(builder, new WebProperties(URI.create("http://gateway.test")), JsonMapper.builder().build());
        Jwt token = Jwt.withTokenValue("coordinator-token").header("alg", "RS256").subject("coordinator1").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void asks_for_fhir_json_as_the_user_and_hands_back_the_document_as_utf8_text() {
        String record = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"Seán\"],\"family\":\"Ó Briain\"}]}}]}";
        gateway.expect(requestTo(EXPORT_URL)).andExpect(method(HttpMethod.GET))
                .andExpect(header("Accept", "application/fhir+json, application/problem+json"))
                .andExpect(header("Authorization", "Bearer coordinator-token"))
                // no charset named: FHIR's JSON is UTF-8 all the same
                .andRespond(withSuccess(record.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("application/fhir+json")));

        assertThat(api.getFhirJson("/api/fhir/Patient/{id}/$everything", PATIENT)).isEqualTo(record);
        gateway.verify();
    }

    @Test
    void a_record_with_a_part_unavailable_is_a_temporary_refusal_not_a_document() {
        gateway.expect(requestTo(EXPORT_URL)).andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"code\":\"record-part-unavailable\",\"title\":\"Part of the record is unavailable\"}"));

        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> api.getFhirJson("/api/fhir/Patient/{id}/$everything", PATIENT));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.isTemporary()).isTrue();
        assertThat(problem.code()).isEqualTo("record-part-unavailable");
    }
}
