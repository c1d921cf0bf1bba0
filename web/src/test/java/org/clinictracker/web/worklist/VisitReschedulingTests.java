package org.clinictracker.web.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.coordinator;
import static org.clinictracker.web.worklist.WorklistPageTests.VISIT;
import static org.clinictracker.web.worklist.WorklistPageTests.page;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class VisitReschedulingTests {

    static final String PREFIX = "r-" + VISIT + "-";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @Test
    void the_new_day_and_reason_go_to_the_api_and_the_row_shows_the_new_due_day() throws Exception {
        when(api.post(eq("/api/followups/{id}/reschedule"), any(), eq(null), any(Object[].class)))
                .thenReturn(new ApiAnswer(Map.of("id", VISIT, "dueOn", "2026-12-03", "windowStart", "2026-11-19",
                        "windowEnd", "2026-12-17", "status", "SCHEDULED"), "\"4\"", null));

        RenderedPage answer = page(mvc.perform(post("/followups/{id}/reschedule", VISIT).header("HX-Request", "true")
                .param("dueOn", "2026-12-03").param("reason", "Patient abroad until December").with(coordinator()))
                .andExpect(status().isOk()));

        verify(api).post("/api/followups/{id}/reschedule",
                Map.of("dueOn", "2026-12-03", "reason", "Patient abroad until December"), null, UUID.fromString(VISIT));
        assertThat(answer.first("p", "role", "status").text())
                .isEqualTo("Moved to 2026-12-03 (window 2026-11-19 to 2026-12-17).");
        assertThat(answer.first("div", "hx-swap-oob", "innerHTML:#due-" + VISIT).text()).isEqualTo("2026-12-03");
        assertThat(answer.byId("status-" + VISIT).text()).isEqualTo("Scheduled");
        assertThat(answer.byId("status-" + VISIT).attr("hx-swap-oob")).isEqualTo("true");
    }

    @Test
    void a_day_that_is_no_date_is_a_field_error_and_never_reaches_the_api() throws Exception {
        RenderedPage form = page(mvc.perform(post("/followups/{id}/reschedule", VISIT).header("HX-Request", "true")
                .param("dueOn", "next Tuesday").param("reason", "holiday").with(coordinator()))
                .andExpect(status().isUnprocessableContent()));

        assertThat(form.byId(PREFIX + "dueOn-error").text()).isEqualTo("must be a date (YYYY-MM-DD)");
        assertThat(form.byId(PREFIX + "reason").attr("value")).isEqualTo("holiday");
        verify(api, never()).post(anyString(), any(), any(), any(Object[].class));
    }

    @Test
    void a_missing_reason_is_explained_beside_it() throws Exception {
        when(api.post(eq("/api/followups/{id}/reschedule"), any(), eq(null), any(Object[].class)))
                .thenThrow(new ApiProblem(400, Map.of("title", "Invalid request",
                        "errors", List.of(Map.of("field", "reason", "message", "must not be blank")))));

        RenderedPage form = page(mvc.perform(post("/followups/{id}/reschedule", VISIT).header("HX-Request", "true")
                .param("dueOn", "2026-12-03").param("reason", "").with(coordinator()))
                .andExpect(status().isBadRequest()));

        assertThat(form.byId(PREFIX + "reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.byId(PREFIX + "reason-error").text()).isEqualTo("must not be blank");
        RenderedPage.Node summary = form.first("div", "data-problem-summary", "");
        assertThat(summary.first("a").text()).isEqualTo("Reason: must not be blank");
        assertThat(summary.first("a").attr("href")).isEqualTo("#" + PREFIX + "reason");
        assertThat(form.byId(PREFIX + "dueOn").attr("value")).isEqualTo("2026-12-03");
    }
}
