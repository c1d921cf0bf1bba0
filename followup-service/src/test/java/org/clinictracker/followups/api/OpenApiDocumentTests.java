package org.clinictracker.followups.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinictracker.testsupport.ApiDocumentContract;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;

/** followup-service's API document keeps the clinic's conventions and names the refusals of each operation. */
@ClinicServiceTest
class OpenApiDocumentTests extends ApiDocumentContract {

    @Override
    protected String service() {
        return "followup-service";
    }

    @Test
    void each_operation_lists_the_refusals_it_can_answer() {
        assertThat(document.problemStatuses(document.operation("put", "/api/followups/protocols/{modality}")))
                .contains("404", "412", "422", "428");
        assertThat(document.problemStatuses(document.operation("get", "/api/followups/protocols/{modality}")))
                .contains("404");
        assertThat(document.problemStatuses(document.operation("get", "/api/followups/protocols")))
                .doesNotContain("404", "412");
        assertThat(document.problemStatuses(document.operation("post", "/api/followups/{visitId}/patient-link")))
                .contains("401", "403", "404", "409", "422", "503");
    }

    @Test
    void opening_a_patient_link_is_documented_as_needing_no_token() {
        var open = document.operation("post", "/api/patient-answers/open");
        assertThat(open.path("security").toString()).isEqualTo("[{}]");
        assertThat(document.problemStatuses(open)).contains("404", "410").doesNotContain("401", "403");
    }
}
