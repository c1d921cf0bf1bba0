package org.clinictracker.web.repeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.ClinicUsers.frontDesk;
import static org.clinictracker.web.ClinicUsers.proceduralist;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class RepeatTreatmentQueueTests {

    static final String CANDIDATE = "ac290983-4148-46e4-86fe-1ca4102d0724";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void oneWaningPatient() {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("id", CANDIDATE);
        candidate.put("patientId", "83b9eb05-064c-41ba-8f1f-e92a51f30568");
        candidate.put("procedureId", "d186065d-daf5-4cb1-9ac7-73e2b450fc46");
        candidate.put("reason", "relief below 50 %");
        candidate.put("reasons", List.of("RELIEF_BELOW_50_PERCENT"));
        candidate.put("createdAt", "2026-11-20T09:12:00Z");
        candidate.put("status", "OPEN");
        candidate.put("mrn", "CT-000008-3");
        candidate.put("displayName", "Herrera, Tomás");
        candidate.put("modality", "RADIOFREQUENCY_ABLATION");
        candidate.put("treatmentNumber", 1);
        candidate.put("targets", List.of(Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "RIGHT")));
        when(api.get(eq("/api/repeat-treatments"), anyMap())).thenReturn(Map.of("content", List.of(candidate),
                "page", Map.of("size", 20, "number", 0, "totalElements", 1, "totalPages", 1)));
    }

    private static RenderedPage page(ResultActions result) throws Exception {
        return RenderedPage.of(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_coordinator_sees_the_open_candidates_with_their_decisions() throws Exception {
        RenderedPage page = page(mvc.perform(get("/repeat-treatments").with(coordinator())).andExpect(status().isOk()));

        RenderedPage.Node row = page.byId("candidate-" + CANDIDATE);
        assertThat(row.first("th").text()).isEqualTo("Herrera, Tomás MRN CT-000008-3");
        assertThat(row.all("td")).extracting(RenderedPage.Node::text).startsWith(
                "Radiofrequency ablation (RFA), treatment 1 Superomedial genicular (right)", "relief below 50 %",
                "2026-11-20");
        assertThat(row.all("button")).extracting(RenderedPage.Node::text).containsExactly("Consult booked", "Dismiss");
        assertThat(row.first("form").attr("hx-post")).isEqualTo("/repeat-treatments/" + CANDIDATE + "/decision");
        assertThat(row.all("label", "for", "d-" + CANDIDATE + "-reason")).hasSize(1);

        ArgumentCaptor<Map<String, Object>> query = ArgumentCaptor.forClass(Map.class);
        verify(api).get(eq("/api/repeat-treatments"), query.capture());
        assertThat(query.getValue()).containsEntry("status", "OPEN").containsEntry("size", 20);
    }

    @Test
    void one_page_has_no_pager_and_the_last_of_several_links_back_only() throws Exception {
        assertThat(page(mvc.perform(get("/repeat-treatments").with(coordinator()))).all("nav", "aria-label",
                "Pages of the queue")).isEmpty();

        when(api.get(eq("/api/repeat-treatments"), anyMap())).thenReturn(Map.of("content", List.of(),
                "page", Map.of("size", 20, "number", 2, "totalElements", 41, "totalPages", 3)));
        RenderedPage page = page(mvc.perform(get("/repeat-treatments").param("page", "2").with(coordinator()))
                .andExpect(status().isOk()));

        RenderedPage.Node pager = page.first("nav", "aria-label", "Pages of the queue");
        assertThat(pager.text()).isEqualTo("Previous page Page 3 of 3");
        assertThat(pager.all("a")).extracting(link -> link.attr("href")).containsExactly("/repeat-treatments?page=1");
    }

    @Test
    void a_proceduralist_sees_the_queue_without_the_coordinators_actions() throws Exception {
        RenderedPage page = page(mvc.perform(get("/repeat-treatments").with(proceduralist())).andExpect(status().isOk()));

        assertThat(page.byId("candidate-" + CANDIDATE).first("th").text()).startsWith("Herrera, Tomás");
        assertThat(page.all("form", "class", "decision")).isEmpty();
        assertThat(page.first("table").all("th", "scope", "col")).extracting(RenderedPage.Node::text)
                .containsExactly("Patient", "Procedure", "Reason", "Since");
        assertThat(page.first("main").all("button")).isEmpty();
    }

    @Test
    void and_may_not_decide() throws Exception {
        mvc.perform(post("/repeat-treatments/{id}/decision", CANDIDATE).param("action", "CONSULT_BOOKED")
                .header("HX-Request", "true").with(proceduralist())).andExpect(status().isForbidden());
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void the_front_desk_is_refused_the_queue() throws Exception {
        mvc.perform(get("/repeat-treatments").with(frontDesk())).andExpect(status().isForbidden());
    }

    @Test
    void consult_booked_is_posted_as_the_apis_decision_and_the_row_says_so() throws Exception {
        when(api.post(eq("/api/repeat-treatments/{id}/decision"), any(), eq(null), any(Object[].class)))
                .thenReturn(new ApiAnswer(Map.of("id", CANDIDATE, "status", "CONSULT_BOOKED", "decidedBy", "coordinator1"),
                        "\"2\"", null));

        RenderedPage answer = page(mvc.perform(post("/repeat-treatments/{id}/decision", CANDIDATE)
                .param("action", "CONSULT_BOOKED").param("reason", "").header("HX-Request", "true").with(coordinator()))
                .andExpect(status().isOk()));

        assertThat(answer.first("p", "role", "status").text()).isEqualTo("Consult booked by coordinator1");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "CONSULT_BOOKED");
        body.put("reason", null);
        verify(api).post("/api/repeat-treatments/{id}/decision", body, null, UUID.fromString(CANDIDATE));
    }

    @Test
    void dismissing_without_a_reason_is_explained_beside_the_reason() throws Exception {
        when(api.post(eq("/api/repeat-treatments/{id}/decision"), any(), eq(null), any(Object[].class)))
                .thenThrow(new ApiProblem(422, Map.of("title", "Invalid decision",
                        "errors", List.of(Map.of("field", "reason", "message", "must say why the repeat is dismissed")))));

        RenderedPage form = page(mvc.perform(post("/repeat-treatments/{id}/decision", CANDIDATE)
                .param("action", "DISMISSED").param("reason", " ").header("HX-Request", "true").with(coordinator()))
                .andExpect(status().isUnprocessableContent()));

        String reason = "d-" + CANDIDATE + "-reason";
        assertThat(form.byId(reason).attr("aria-invalid")).isEqualTo("true");
        assertThat(form.byId(reason).attr("aria-describedby")).isEqualTo(reason + "-error");
        assertThat(form.byId(reason + "-error").text()).isEqualTo("must say why the repeat is dismissed");
    }
}
