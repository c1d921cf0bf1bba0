package org.clinictracker.web.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class TimelinePageTests {

    static final String PATIENT = "83b9eb05-064c-41ba-8f1f-e92a51f30568";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    ClinicApi api;

    private static Map<String, Object> entry(String day, String kind, Map<String, Object> detail, String visitId) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", day);
        entry.put("day", day);
        entry.put("kind", kind);
        if (visitId != null) {
            entry.put("visitId", visitId);
        }
        entry.put("detail", detail);
        return entry;
    }

    /** A knee treated by RFA, better at week 2, waning at month 6, treated again three weeks later. */
    static List<Map<String, Object>> knee() {
        return List.of(
                entry("2026-02-19", "PROCEDURE", Map.of("modality", "RADIOFREQUENCY_ABLATION", "painBefore", 7,
                        "treatmentNumber", 1, "targets", List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "RIGHT"))), null),
                entry("2026-02-19", "PLAN", Map.of("modality", "RADIOFREQUENCY_ABLATION", "baselinePainScore", 7), null),
                entry("2026-03-05", "VISIT", Map.of("label", "WEEK_2", "status", "COMPLETED", "windowStart", "2026-03-02",
                        "windowEnd", "2026-03-08"), "v1"),
                entry("2026-03-05", "OUTCOME", Map.of("painScore", 3, "reliefPercent", 55, "responder", true,
                        "waningRelief", false), "v1"),
                entry("2026-08-18", "VISIT", Map.of("label", "MONTH_6", "status", "COMPLETED", "windowStart", "2026-08-04",
                        "windowEnd", "2026-09-01"), "v2"),
                entry("2026-08-18", "OUTCOME", Map.of("painScore", 5, "reliefPercent", 30, "responder", false,
                        "waningRelief", true, "waningReasons", List.of("RELIEF_BELOW_50_PERCENT")), "v2"),
                entry("2026-08-18", "REPEAT_CANDIDATE", Map.of("reasons", List.of("RELIEF_BELOW_50_PERCENT"),
                        "status", "CONSULT_BOOKED"), null),
                entry("2026-09-07", "PROCEDURE", Map.of("modality", "RADIOFREQUENCY_ABLATION", "painBefore", 6,
                        "treatmentNumber", 2, "targets", List.of()), null),
                entry("2026-09-08", "ADVERSE_EVENT", Map.of("type", "BRUISING", "severity", "MILD", "serious", false,
                        "outcome", "RESOLVED", "source", "PROCEDURE_RECORD"), null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_chart_carries_the_points_and_the_procedures_and_the_table_the_same_data() throws Exception {
        when(api.get(eq("/api/followups/timeline"), anyMap())).thenReturn(Map.of("patientId", PATIENT,
                "mrn", "CT-000008-3", "displayName", "Herrera, Tomás", "entries", knee()));

        RenderedPage page = RenderedPage.of(mvc.perform(get("/patients/{id}/timeline", PATIENT).with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        verify(api).get("/api/followups/timeline", Map.of("patientId", UUID.fromString(PATIENT)));
        assertThat(page.first("h1").text()).isEqualTo("Timeline of Herrera, Tomás");
        RenderedPage.Node canvas = page.byId("pain-relief-chart");
        assertThat(canvas.attr("role")).isEqualTo("img");
        assertThat(canvas.attr("aria-label")).contains("the same data is in the table below");
        Map<String, Object> config = json.readValue(canvas.attr("data-chart"), Map.class);
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) ((Map<String, Object>) config.get("data")).get("datasets");
        assertThat(datasets.get(0).get("data")).isEqualTo(List.of(Map.of("x", 0, "y", 7), Map.of("x", 14, "y", 3),
                Map.of("x", 180, "y", 5), Map.of("x", 200, "y", 6)));
        assertThat(datasets.get(1).get("data")).isEqualTo(List.of(Map.of("x", 14, "y", 55), Map.of("x", 180, "y", 30)));
        assertThat(datasets.get(2)).containsEntry("label", "Procedure")
                .containsEntry("data", List.of(Map.of("x", 0, "y", 10), Map.of("x", 200, "y", 10)));
        Map<String, Object> scales = (Map<String, Object>) ((Map<String, Object>) config.get("options")).get("scales");
        assertThat((Map<String, Object>) scales.get("pain")).containsEntry("position", "left").containsEntry("max", 10);
        assertThat((Map<String, Object>) scales.get("relief")).containsEntry("position", "right").containsEntry("max", 100);
        assertThat((Map<String, Object>) scales.get("x")).containsEntry("type", "linear");

        assertThat(page.byId("pain-relief-table").first("tbody").all("tr")).extracting(RenderedPage.Node::text).containsExactly(
                "2026-02-19 0 Procedure: Radiofrequency ablation (RFA) 7 —",
                "2026-03-05 14 Outcome at the Week 2 visit 3 55",
                "2026-08-18 180 Outcome at the Month 6 visit 5 30",
                "2026-09-07 200 Procedure: Radiofrequency ablation (RFA), treatment 2 6 —");
        assertThat(page.byId("timeline-entries").first("tbody").all("tr")).extracting(RenderedPage.Node::text).contains(
                "2026-02-19 Follow-up plan started baseline pain 7/10",
                "2026-08-18 Outcome documented Waning relief pain 5/10; relief 30 %; not a responder; relief below 50 %",
                "2026-08-18 Repeat-treatment candidate: consult booked relief below 50 %",
                "2026-09-08 Adverse event: Bruising mild; resolved; reported on the procedure record");
    }

    @Test
    void an_outcome_the_patient_answered_through_their_link_says_so() throws Exception {
        when(api.get(eq("/api/followups/timeline"), anyMap())).thenReturn(Map.of("patientId", PATIENT,
                "mrn", "CT-000008-3", "displayName", "Herrera, Tomás", "entries", List.of(
                        entry("2026-03-05", "OUTCOME", Map.of("painScore", 3, "reliefPercent", 55, "responder", true,
                                "waningRelief", false, "recordedBy", "patient", "reportedBy", "PATIENT"), "v1"),
                        entry("2026-06-05", "OUTCOME", Map.of("painScore", 4, "responder", true, "waningRelief", false,
                                "recordedBy", "coordinator1"), "v2"))));

        RenderedPage page = RenderedPage.of(mvc.perform(get("/patients/{id}/timeline", PATIENT).with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.byId("timeline-entries").first("tbody").all("tr")).extracting(RenderedPage.Node::text)
                .containsExactly("2026-03-05 Outcome reported by the patient pain 3/10; relief 55 %; responder",
                        "2026-06-05 Outcome documented pain 4/10; responder");
    }

    @Test
    void the_front_desk_is_refused_the_timeline() throws Exception {
        mvc.perform(get("/patients/{id}/timeline", PATIENT).with(frontDesk())).andExpect(status().isForbidden());
    }
}
