package org.clinictracker.patients.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinictracker.testsupport.ApiDocumentContract;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;

/** patient-service's API document keeps the clinic's conventions and names the refusals of each operation. */
@ClinicServiceTest
class OpenApiDocumentTests extends ApiDocumentContract {

    @Override
    protected String service() {
        return "patient-service";
    }

    @Test
    void each_operation_lists_the_refusals_it_can_answer() {
        assertThat(document.problemStatuses(document.operation("post", "/api/patients"))).contains("409");
        assertThat(document.problemStatuses(document.operation("get", "/api/patients/{id}"))).contains("404");
        assertThat(document.problemStatuses(document.operation("put", "/api/patients/{id}")))
                .contains("404", "409", "412", "428");
        assertThat(document.problemStatuses(document.operation("post", "/api/patients/{patientId}/screenings/{screeningId}/override")))
                .contains("404", "409");
        assertThat(document.problemStatuses(document.operation("get", "/api/patients"))).doesNotContain("404", "412");
        assertThat(document.problemStatuses(document.operation("get", "/api/fhir/Patient/{id}/$everything")))
                .contains("401", "403", "404", "503");
    }

    @Test
    void creating_a_record_is_documented_as_201_created() {
        assertThat(document.operation("post", "/api/patients").path("responses").propertyNames()).contains("201")
                .doesNotContain("200");
        assertThat(document.operation("post", "/api/patients/{patientId}/screenings").path("responses").propertyNames()).contains("201")
                .doesNotContain("200");
        assertThat(document.operation("post", "/api/patients/{patientId}/consents").path("responses").propertyNames()).contains("201")
                .doesNotContain("200");
    }
}
