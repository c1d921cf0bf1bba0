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
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ClinicApi#download}, the one raw call for a file the API renders (the record as FHIR JSON, the outcome
 * report as CSV), against a stand-in for the gateway: what it asks for and what it hands back.
 */
class ClinicApiDownloadTest {

    private static final String PATIENT = "7ec9ea31-f2e4-45cc-82fb-2ce6d69ead2d";
    private static final String EXPORT = "/api/fhir/Patient/" + PATIENT + "/$everything";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

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
    void the_record_is_asked_for_as_fhir_json_by_the_user_and_its_utf8_bytes_come_back_unchanged() {
        byte[] record = ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"Seán\"],\"family\":\"Ó Briain\"}]}}]}")
                .getBytes(StandardCharsets.UTF_8);
        gateway.expect(requestTo("http://gateway.test" + EXPORT)).andExpect(method(HttpMethod.GET))
                .andExpect(header("Accept", "application/fhir+json, application/problem+json"))
                .andExpect(header("Authorization", "Bearer coordinator-token"))
                // no charset named: FHIR's JSON is UTF-8 all the same
                .andRespond(withSuccess(record, MediaType.parseMediaType("application/fhir+json")));

        ApiFile file = api.download(EXPORT, Map.of(), ClinicApi.FHIR_JSON);

        assertThat(file.body()).isEqualTo(record);
        assertThat(file.contentType()).isEqualTo("application/fhir+json");
        assertThat(file.contentDisposition()).as("the API named no file").isNull();
        gateway.verify();
    }

    @Test
    void a_record_with_a_part_unavailable_is_a_temporary_refusal_not_a_file() {
        gateway.expect(requestTo("http://gateway.test" + EXPORT)).andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"code\":\"record-part-unavailable\",\"title\":\"Part of the record is unavailable\"}"));

        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> api.download(EXPORT, Map.of(), ClinicApi.FHIR_JSON));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.isTemporary()).isTrue();
        assertThat(problem.code()).isEqualTo("record-part-unavailable");
    }

    @Test
    void the_report_is_asked_for_as_csv_with_each_filter_encoded_whole_and_its_file_name_passed_through() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("modality", "CRYONEUROLYSIS");
        filters.put("indication", "M54.5 & x+y=z"); // "&", "+" and "=" stay part of the value
        filters.put("nerve", null);                  // no filter: left out
        filters.put("to", "");                       // an empty field: left out
        filters.put("from", LocalDate.of(2026, 1, 1));
        byte[] csv = "group,procedures\nCRYONEUROLYSIS,12\n".getBytes(StandardCharsets.UTF_8);
        gateway.expect(requestTo("http://gateway.test/api/reports/outcomes"
                        + "?modality=CRYONEUROLYSIS&indication=M54.5%20%26%20x%2By%3Dz&from=2026-01-01"))
                .andExpect(header("Accept", "text/csv, application/problem+json"))
                .andExpect(header("Authorization", "Bearer coordinator-token"))
                .andRespond(withSuccess(csv, MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes-2026-01-01.csv\""));

        ApiFile file = api.download("/api/reports/outcomes", filters, CSV);

        assertThat(file.body()).isEqualTo(csv);
        assertThat(file.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(file.contentDisposition()).isEqualTo("attachment; filename=\"outcomes-2026-01-01.csv\"");
        gateway.verify();
    }
}
