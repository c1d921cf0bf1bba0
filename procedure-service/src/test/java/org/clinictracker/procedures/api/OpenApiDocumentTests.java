package org.clinictracker.procedures.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinictracker.testsupport.ApiDocumentContract;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;

/** procedure-service's API document keeps the clinic's conventions and names the refusals of each operation. */
@ClinicServiceTest
class OpenApiDocumentTests extends ApiDocumentContract {

    @Override
    protected String service() {
        return "procedure-service";
    }

    @Test
    void each_operation_lists_the_refusals_it_can_answer() {
        assertThat(document.problemStatuses(document.operation("post", "/api/procedures"))).contains("409", "422");
        assertThat(document.problemStatuses(document.operation("get", "/api/procedures/{id}"))).contains("404");
        assertThat(document.problemStatuses(document.operation("put", "/api/procedures/{id}")))
                .contains("404", "412", "422", "428");
        assertThat(document.problemStatuses(document.operation("put", "/api/procedures/{procedureId}/adverse-events/{adverseEventId}")))
                .contains("404", "412", "422", "428");
        assertThat(document.problemStatuses(document.operation("get", "/api/procedures/catalogue/nerves")))
                .doesNotContain("404", "409", "412");
        assertThat(document.problemStatuses(document.operation("post", "/api/procedures/warnings")))
                .doesNotContain("404", "409", "412");
    }

    @Test
    void creating_a_record_is_documented_as_201_created() {
        assertThat(document.operation("post", "/api/procedures").path("responses").propertyNames()).contains("201")
                .doesNotContain("200");
        assertThat(document.operation("post", "/api/procedures/{procedureId}/adverse-events").path("responses").propertyNames()).contains("201")
                .doesNotContain("200");
    }
}
