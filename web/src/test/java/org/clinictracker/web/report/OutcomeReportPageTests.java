package org.clinictracker.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.admin;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.RenderedPage;
import org.clinictracker.web.api.ApiFile;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome report page: the filters become the API's query, each figure is shown with its n and interval
 * beside the published one with a verdict the interval allows, small and empty groups say so in words, the CSV
 * passes through as the API made it, and only the roles the API gives the report to open the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomeReportPageTests {

    private static final String API = "/api/reports/outcomes";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void theCatalogueKnowsTheKneeNerves() {
        when(api.getArray("/api/procedures/catalogue/nerves")).thenReturn(ReportAnswers.kneeNerves());
        when(api.get(eq(API), anyMap())).thenReturn(ReportAnswers.clinic());
    }

    private static RenderedPage page(ResultActions result) throws Exception {
        return RenderedPage.of(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private RenderedPage adminReport() throws Exception {
        return page(mvc.perform(get("/reports").with(admin())).andExpect(status().isOk()));
    }

    /** The figure cells of one row of a group's table: clinic, published, verdict. */
    private static List<String> row(RenderedPage page, String groupId, String figure) {
        return page.byId(groupId).first("tbody").all("tr").stream()
                .filter(row -> row.first("th").text().equals(figure))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + figure + " in " + groupId))
                .all("td").stream().map(RenderedPage.Node::text).toList();
    }

    @Test
    void the_filters_are_the_apis_query_and_stay_chosen_with_the_csv_link_carrying_them() throws Exception {
        RenderedPage page = page(mvc.perform(get("/reports").with(admin())
                .param("modality", "CRYONEUROLYSIS").param("indication", "KNEE_OSTEOARTHRITIS")
                .param("nerve", "SUPEROMEDIAL_GENICULAR").param("from", "2026-01-01").param("to", "2026-06-30"))
                .andExpect(status().isOk()));

        verify(api).get(API, Map.of("modality", "CRYONEUROLYSIS", "indication", "KNEE_OSTEOARTHRITIS",
                "nerve", "SUPEROMEDIAL_GENICULAR", "from", LocalDate.of(2026, 1, 1), "to", LocalDate.of(2026, 6, 30)));
        assertThat(page.byId("report-filters").attr("method")).isEqualTo("get");
        assertThat(page.first("option", "value", "CRYONEUROLYSIS").has("selected")).isTrue();
        assertThat(page.first("option", "value", "KNEE_OSTEOARTHRITIS").has("selected")).isTrue();
        RenderedPage.Node nerve = page.first("option", "value", "SUPEROMEDIAL_GENICULAR");
        assertThat(nerve.text()).isEqualTo("Superomedial genicular nerve");
        assertThat(nerve.has("selected")).isTrue();
        assertThat(page.attribute("from", "value")).isEqualTo("2026-01-01");
        assertThat(page.attribute("to", "value")).isEqualTo("2026-06-30");
        assertThat(page.attribute("download-csv", "href")).isEqualTo("/reports/outcomes.csv?modality=CRYONEUROLYSIS"
                + "&indication=KNEE_OSTEOARTHRITIS&nerve=SUPEROMEDIAL_GENICULAR&from=2026-01-01&to=2026-06-30");
    }

    @Test
    void no_filter_asks_for_the_whole_clinic() throws Exception {
        adminReport();
        // the form sent with nothing chosen is no filter either
        mvc.perform(get("/reports").with(admin()).param("modality", "").param("indication", "").param("nerve", "")
                .param("from", "").param("to", "")).andExpect(status().isOk());
        verify(api, org.mockito.Mockito.times(2)).get(API, Map.of());
    }

    @Test
    void a_nerve_the_api_refuses_stays_chosen_with_its_message_and_is_shown_as_text() throws Exception {
        String hostile = "<script>x</script>\u202E\uD83D\uDE00";
        when(api.get(eq(API), anyMap())).thenThrow(new ApiProblem(400, Map.of("code", "validation",
                "title", "Please correct the marked fields",
                "errors", List.of(Map.of("field", "nerve", "message", "must be a nerve catalogue code")))));

        RenderedPage page = page(mvc.perform(get("/reports").param("nerve", hostile).with(admin()))
                .andExpect(status().isBadRequest()));

        verify(api).get(API, Map.of("nerve", hostile));
        assertThat(page.byId("nerve-error").text()).isEqualTo("must be a nerve catalogue code");
        assertThat(page.byId("nerve").all("option")).filteredOn(option -> hostile.equals(option.attr("value")))
                .singleElement().satisfies(option -> assertThat(option.has("selected")).isTrue());
        assertThat(page.markup()).doesNotContain("<script>x</script>");
    }

    @Test
    void each_figure_stands_with_its_n_and_interval_beside_the_published_one_and_a_verdict_its_interval_allows()
            throws Exception {
        RenderedPage page = adminReport();

        assertThat(page.first("h1").text()).isEqualTo("Outcome reports");
        String all = "group-all-all";
        assertThat(row(page, all, "Procedures")).containsExactly("20 procedures in 18 patients", "None published",
                "Nothing to compare");
        // windows in month order, whatever order the API gave them
        assertThat(page.byId(all).first("tbody").all("th")).extracting(RenderedPage.Node::text).containsSubsequence(
                "Responders (≥ 50 % less pain) at month 3", "Responders (≥ 50 % less pain) at month 6",
                "Responders (≥ 50 % less pain) at month 12");
        assertThat(row(page, all, "Responders (≥ 50 % less pain) at month 3").get(0))
                .isEqualTo("12 of 20 (60 %, 95 % CI 39–78 %) 3 lost to follow-up "
                        + "2 seen outside the window (visit moved): not counted here");
        assertThat(row(page, all, "Responders (≥ 50 % less pain) at month 12").get(0))
                .isEqualTo("No outcome in this window yet 5 lost to follow-up");
        assertThat(row(page, all, "Pain reduction from baseline at month 3").get(0))
                .isEqualTo("3.9 points (95 % CI 3.1–4.7 points; n 20) Pain at the visit: 3.1 of 10 (95 % CI 2.5–3.7 of 10; n 20)");
        assertThat(row(page, all, "Duration of relief (Kaplan–Meier)").get(0)).isEqualTo(
                "Median 243 days, about 8 months (95 % CI 150–300 days) 12 with relief: 8 ended, 4 still relieved at their last visit (censored)");
        assertThat(row(page, all, "Opioid use (MME/day)").get(0)).isEqualTo(
                "Before: 30.0 (95 % CI 22.1–37.9; n 10) Month 3: 20.5 (95 % CI 12.0–29.0; n 8) "
                        + "Month 6: 25.0 (95 % CI 15.5–34.5; n 8) Month 12: No data");
        assertThat(row(page, all, "Adverse events").get(0)).isEqualTo(
                "Bruising (not serious): 3 events, in 2 of 20 (10 %, 95 % CI 3–30 %) procedures "
                        + "Permanent nerve injury (serious): 1 event, in 1 of 20 (5 %, 95 % CI 1–24 %) procedures");
        assertThat(row(page, all, "Repeat treatments").get(0)).isEqualTo(
                "2 of 20 procedures repeated an earlier one Mean interval: 210.0 days (95 % CI 83.0–337.0 days; n 2)");
        assertThat(row(page, all, "Answered by the patients themselves")).containsExactly(
                "12 of 40 visits (30 %, 95 % CI 18–45 %)", "None published", "Nothing to compare");

        // knee osteoarthritis: the source's pain reduction (4–5 points) and responder share (up to 70 %)
        String knee = "group-indication-knee-osteoarthritis";
        assertThat(row(page, knee, "Pain reduction from baseline at month 3")).containsExactly(
                "4.5 points (95 % CI 4.1–4.9 points; n 14) Pain at the visit: 2.7 of 10 (95 % CI 2.0–3.4 of 10; n 14)",
                "Source: 4–5 points “mean VAS reductions of 4–5 points”", "Within the published range");
        assertThat(row(page, knee, "Pain reduction from baseline at month 6").get(2)).isEqualTo("Below the published range");
        assertThat(row(page, knee, "Responders (≥ 50 % less pain) at month 3")).containsExactly(
                "9 of 14 (64 %, 95 % CI 39–84 %) 1 lost to follow-up",
                "Source: up to 70 % “≥ 50 % pain relief in up to 70 % of patients”", "Too few to tell");
        assertThat(row(page, knee, "Responders (≥ 50 % less pain) at month 6").get(2)).isEqualTo("Within the published range");
        // relief duration against the published months per modality; a median whose upper bound is not reached
        assertThat(row(page, "group-modality-cryoneurolysis", "Duration of relief (Kaplan–Meier)")).containsExactly(
                "Median 243 days, about 8 months (95 % CI 190–301 days) 8 with relief: 5 ended, 3 still relieved at their last visit (censored)",
                "Source: 180–360 days (about 6–12 months) “cryoneurolysis … 6–12 months of relief”",
                "Within the published range");
        assertThat(row(page, "group-modality-radiofrequency-ablation", "Duration of relief (Kaplan–Meier)")).containsExactly(
                "Median 400 days, about 13 months (95 % CI 370–not reached) 4 with relief: 1 ended, 3 still relieved at their last visit (censored)",
                "Source: 90–270 days (about 3–9 months) “RFA … 3–9 months of relief”",
                "Above the published range");
        // the verdict is in words; its badge colour only repeats it
        assertThat(page.tagsWith("class", "badge badge-warn")).hasSize(1);
    }

    @Test
    void a_group_of_one_shows_its_n_and_says_it_has_no_interval_and_nothing_reads_nan_or_null() throws Exception {
        RenderedPage page = adminReport();

        String nerve = "group-nerve-superomedial-genicular";
        assertThat(page.text()).contains("Superomedial genicular nerve: 1 procedure");
        assertThat(row(page, nerve, "Procedures").get(0)).isEqualTo("1 procedure in 1 patient");
        assertThat(row(page, nerve, "Responders (≥ 50 % less pain) at month 3").get(0))
                .isEqualTo("1 of 1 (100 %, 95 % CI 21–100 %) 0 lost to follow-up");
        assertThat(row(page, nerve, "Pain reduction from baseline at month 3").get(0))
                .isEqualTo("5.0 points (one procedure: no interval) Pain at the visit: 2.0 of 10 (one procedure: no interval)");
        assertThat(row(page, nerve, "Answered by the patients themselves").get(0))
                .isEqualTo("0 of 1 visit (0 %, 95 % CI 0–79 %)");
        assertThat(row(page, nerve, "Duration of relief (Kaplan–Meier)").get(0)).isEqualTo(
                "Median not reached: more than half still had relief at their last visit 1 with relief: 0 ended, 1 still relieved at their last visit (censored)");
        assertThat(page.text()).doesNotContain("NaN").doesNotContain("null").doesNotContain("Infinity");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_relief_curves_step_per_modality_with_their_bands_and_the_published_ranges_and_a_table_says_the_same()
            throws Exception {
        RenderedPage page = adminReport();

        RenderedPage.Node canvas = page.byId("relief-duration-chart");
        assertThat(canvas.attr("role")).isEqualTo("img");
        assertThat(canvas.attr("aria-label")).contains("the same figures are in the table below");
        Map<String, Object> config = json.readValue(canvas.attr("data-chart"), Map.class);
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) ((Map<String, Object>) config.get("data")).get("datasets");
        assertThat(datasets).extracting(dataset -> dataset.get("label")).containsExactly(
                "Cryoneurolysis: 95 % band", "Cryoneurolysis: still relieved",
                "Cryoneurolysis: still relieved at the last visit (censored)",
                "Source, Cryoneurolysis: 180–360 days (about 6–12 months)",
                "Radiofrequency ablation: 95 % band", "Radiofrequency ablation: still relieved",
                "Radiofrequency ablation: still relieved at the last visit (censored)",
                "Source, Radiofrequency ablation: 90–270 days (about 3–9 months)");
        // flat until a step's day, then down: 100 % until day 190, 75 % until 243, then 37.5 %
        assertThat(datasets.get(1).get("data")).isEqualTo(List.of(xy(0, 100), xy(190, 100), xy(190, 75), xy(243, 75),
                xy(243, 37.5), xy(301, 37.5), xy(301, 37.5)));
        assertThat(datasets.get(0)).containsEntry("fill", "shape");
        // censored at day 243 (one) and 301 (two): ticks on the curve there
        assertThat(datasets.get(2).get("data")).isEqualTo(List.of(xy(243, 37.5), xy(301, 37.5)));
        assertThat(datasets.get(3).get("data")).isEqualTo(List.of(xy(180, 0), xy(180, 100), xy(360, 100), xy(360, 0),
                xy(180, 0)));
        assertThat(datasets.get(5).get("borderDash")).isEqualTo(List.of(8, 4)); // RFA's line differs by more than colour

        // a wide table scrolls in its own box, which the keyboard can reach and scroll
        assertThat(page.tagsWith("aria-label", "Relief duration by modality, in numbers")).singleElement()
                .satisfies(box -> assertThat(box).contains("tabindex=\"0\"").contains("role=\"region\""));
        assertThat(page.byId("relief-duration-table").first("tbody").all("tr")).extracting(RenderedPage.Node::text)
                .containsExactly(
                        "Cryoneurolysis 8 5 3 243 days, about 8 months (95 % CI 190–301 days) 100 % 100 % Not followed so long 180–360 days (about 6–12 months)",
                        "Radiofrequency ablation 4 1 3 400 days, about 13 months (95 % CI 370–not reached) 100 % 100 % 100 % 90–270 days (about 3–9 months)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pain_over_time_draws_the_published_band_below_the_same_patients_baseline() throws Exception {
        RenderedPage page = adminReport();

        Map<String, Object> config = json.readValue(page.byId("pain-over-time-chart").attr("data-chart"), Map.class);
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) ((Map<String, Object>) config.get("data")).get("datasets");
        assertThat(datasets).extracting(dataset -> dataset.get("label")).containsExactly(
                "All procedures in scope: 95 % band", "All procedures in scope: mean pain",
                "Knee osteoarthritis: 95 % band", "Knee osteoarthritis: mean pain",
                "Source, Knee osteoarthritis: 4–5 points below baseline");
        // baseline of those assessed at month 3 (2.7 + 4.5 = 7.2), then the months' means
        assertThat(datasets.get(3).get("data")).isEqualTo(List.of(xy(0, 7.2), xy(3, 2.7), xy(6, 5.2)));
        // month 3: 7.2 − 4 = 3.2 down to 7.2 − 5 = 2.2; month 6: baseline 7.2 again (5.2 + 2.0); each window ± 0.4
        assertThat(datasets.get(4).get("data")).isEqualTo(List.of(xy(2.6, 3.2), xy(3.4, 3.2), xy(5.6, 3.2),
                xy(6.4, 3.2), xy(6.4, 2.2), xy(5.6, 2.2), xy(3.4, 2.2), xy(2.6, 2.2)));
        // the mean's 95 % band: month 3 2.0–3.4, month 6 4.4–6.0, each ± 0.2
        assertThat(datasets.get(2).get("data")).isEqualTo(List.of(xy(2.8, 3.4), xy(3.2, 3.4), xy(5.8, 6.0),
                xy(6.2, 6.0), xy(6.2, 4.4), xy(5.8, 4.4), xy(3.2, 2.0), xy(2.8, 2.0)));
        assertThat(page.byId("pain-over-time-table").first("tbody").all("tr")).extracting(RenderedPage.Node::text)
                .contains("Knee osteoarthritis Month 3 2.7 of 10 (95 % CI 2.0–3.4 of 10; n 14) 7.2 of 10 2.2–3.2 of 10");
    }

    @Test
    void an_empty_scope_says_so_instead_of_drawing_empty_charts() throws Exception {
        when(api.get(eq(API), anyMap())).thenReturn(ReportAnswers.empty());

        RenderedPage page = page(mvc.perform(get("/reports").param("from", "2030-01-01").param("to", "2030-01-31")
                .with(admin())).andExpect(status().isOk()));

        assertThat(page.byId("no-procedures").text()).startsWith("No procedures in this period that match these filters.");
        assertThat(page.maybeById("relief-duration-chart")).isEmpty();
        assertThat(page.maybeById("pain-over-time-chart")).isEmpty();
        assertThat(page.all("table")).isEmpty();
        assertThat(page.markup()).doesNotContain("chart.umd.min.js");
    }

    @Test
    void a_date_that_is_no_date_is_the_web_apps_own_field_error_and_no_call_is_made() throws Exception {
        RenderedPage page = page(mvc.perform(get("/reports").param("from", "2026-02-31").param("to", "2026-06-30")
                .param("modality", "NERVE_BLOCK").with(admin())).andExpect(status().isUnprocessableContent()));

        verify(api, never()).get(eq(API), anyMap());
        assertThat(page.byId("from-error").text()).isEqualTo("must be a date (YYYY-MM-DD)");
        assertThat(page.attribute("from", "aria-invalid")).isEqualTo("true");
        assertThat(page.attribute("from", "aria-describedby")).isEqualTo("from-error");
        assertThat(page.attribute("from", "value")).isEqualTo("2026-02-31"); // what the user typed stays
        assertThat(page.first("option", "value", "NERVE_BLOCK").has("selected")).isTrue();
        assertThat(page.maybeById("download-csv")).isEmpty();
    }

    @Test
    void a_filter_the_api_refuses_is_shown_beside_it() throws Exception {
        when(api.get(eq(API), anyMap())).thenThrow(new ApiProblem(400, Map.of("code", "validation",
                "title", "Please correct the marked fields",
                "errors", List.of(Map.of("field", "to", "message", "must not be before from")))));

        RenderedPage page = page(mvc.perform(get("/reports").param("from", "2026-06-30").param("to", "2026-01-01")
                .with(coordinator())).andExpect(status().isBadRequest()));

        assertThat(page.byId("to-error").text()).isEqualTo("must not be before from");
        assertThat(page.attribute("to", "aria-invalid")).isEqualTo("true");
    }

    @Test
    void a_report_service_away_says_so_and_keeps_the_filters() throws Exception {
        when(api.get(eq(API), anyMap())).thenThrow(new ApiProblem(503, Map.of("title", "Service unavailable")));

        RenderedPage page = page(mvc.perform(get("/reports").param("modality", "CRYONEUROLYSIS").with(admin()))
                .andExpect(status().isServiceUnavailable()));

        assertThat(page.byId("report-unavailable").text()).contains("not available right now");
        assertThat(page.first("option", "value", "CRYONEUROLYSIS").has("selected")).isTrue();
    }

    @Test
    void the_csv_passes_through_with_the_apis_type_and_file_name() throws Exception {
        byte[] csv = "group,procedures\nAll procedures,20\n".getBytes(StandardCharsets.UTF_8);
        when(api.download(eq(API), anyMap(), any())).thenReturn(new ApiFile(csv, "text/csv;charset=UTF-8",
                "attachment; filename=\"outcomes-2026-01-01-2026-06-30.csv\""));

        byte[] body = mvc.perform(get("/reports/outcomes.csv").param("from", "2026-01-01").param("to", "2026-06-30")
                        .param("modality", "CRYONEUROLYSIS").with(proceduralist()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"outcomes-2026-01-01-2026-06-30.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(body).isEqualTo(csv);
        verify(api).download(API, Map.of("modality", "CRYONEUROLYSIS", "from", LocalDate.of(2026, 1, 1),
                "to", LocalDate.of(2026, 6, 30)), MediaType.parseMediaType("text/csv"));
    }

    @Test
    void a_csv_with_a_date_that_is_no_date_asks_nothing_of_the_api() throws Exception {
        mvc.perform(get("/reports/outcomes.csv").param("to", "someday").with(admin()))
                .andExpect(status().isUnprocessableContent());
        verify(api, never()).download(anyString(), anyMap(), any());
    }

    @Test
    void the_clinical_roles_open_it_and_the_front_desk_is_refused() throws Exception {
        mvc.perform(get("/reports").with(coordinator())).andExpect(status().isOk());
        mvc.perform(get("/reports").with(proceduralist())).andExpect(status().isOk());
        mvc.perform(get("/reports").with(frontDesk())).andExpect(status().isForbidden());
        mvc.perform(get("/reports/outcomes.csv").with(frontDesk())).andExpect(status().isForbidden());
        verify(api, never()).download(anyString(), anyMap(), any());
    }

    @Test
    void the_reports_link_is_in_the_main_navigation_of_the_roles_that_may_open_it() throws Exception {
        RenderedPage page = adminReport();
        assertThat(page.first("a", "href", "/reports").attr("aria-current")).isEqualTo("page");
    }

    private static Map<String, Object> xy(double x, double y) {
        return Map.of("x", x, "y", y);
    }
}
