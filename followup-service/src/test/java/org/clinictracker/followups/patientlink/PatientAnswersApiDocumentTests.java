package org.clinictracker.followups.patientlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinictracker.testsupport.ApiDocument;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The patient's answers and the outcome's review and amendment as the API document tells clients of them. */
@ClinicServiceTest
class PatientAnswersApiDocumentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void sending_answers_needs_no_token_and_names_its_refusals_and_questions_only() throws Exception {
        ApiDocument document = ApiDocument.read(mvc, json, "followup-service");
        JsonNode submit = document.operation("post", "/api/patient-answers");
        assertThat(submit.path("security").toString()).isEqualTo("[{}]");
        assertThat(document.problemStatuses(submit)).contains("400", "404", "410", "422").doesNotContain("401", "403");

        JsonNode properties = document.root().path("components").path("schemas").path("PatientAnswerSubmission")
                .path("properties");
        assertThat(properties.propertyNames()).contains("token", "painNow", "painAverage", "enjoymentOfLife",
                "generalActivity", "reliefPercent", "satisfaction", "sensationReturned", "sideEffects", "comments")
                .doesNotContain("unknownFields");
    }

    @Test
    void amending_an_outcome_names_its_preconditions() throws Exception {
        ApiDocument document = ApiDocument.read(mvc, json, "followup-service");
        assertThat(document.problemStatuses(document.operation("put", "/api/followups/{visitId}/outcome")))
                .contains("401", "403", "404", "412", "422", "428");
        assertThat(document.problemStatuses(document.operation("post", "/api/followups/{visitId}/outcome/review")))
                .contains("404", "409");
    }
}
