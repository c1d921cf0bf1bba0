package org.clinictracker.followups.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.ClinicToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Follow-up protocols over HTTP: seeded from domain.md, read by coordinators, replaced by the clinic admin
 * with If-Match as a new version while the old ones stay as they were. Each test changes its own modality
 * or reads the current version first, so the order of tests does not matter.
 */
@ClinicServiceTest
class ProtocolTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    /**
     * Puts each modality's first schedule back as its newest version (as an admin would publish it again), so tests
     * of other classes sharing this database start their plans on the defaults whatever ran before them.
     */
    @AfterEach
    void publishTheDefaultSchedulesAgain() {
        jdbc.sql("""
                WITH newest AS (SELECT modality, max(version) AS version FROM protocol_version GROUP BY modality)
                INSERT INTO protocol_version (modality, version, changed_by, changed_at)
                SELECT modality, version + 1, 'protocol-tests', now() FROM newest""").update();
        jdbc.sql("""
                WITH newest AS (SELECT modality, max(version) AS version FROM protocol_version GROUP BY modality)
                INSERT INTO protocol_visit (modality, version, position, label, offset_days, window_before_days,
                                            window_after_days)
                SELECT v.modality, n.version, v.position, v.label, v.offset_days, v.window_before_days, v.window_after_days
                FROM protocol_visit v JOIN newest n ON n.modality = v.modality
                WHERE v.version = 1""").update();
    }

    @Test
    void the_defaults_of_domain_md_are_there_for_each_modality() throws Exception {
        mvc.perform(get("/api/followups/protocols").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].modality",
                        containsInAnyOrder("CRYONEUROLYSIS", "RADIOFREQUENCY_ABLATION", "NERVE_BLOCK")));
        List<Map<String, Object>> firstVersions = jdbc.sql("""
                SELECT modality, label, offset_days, window_before_days, window_after_days FROM protocol_visit
                WHERE version = 1 ORDER BY modality, position""").query().listOfRows();
        assertThat(firstVersions).extracting(row -> row.get("modality") + " " + row.get("label") + " "
                + row.get("offset_days") + " ±" + row.get("window_before_days") + "/" + row.get("window_after_days"))
                .containsExactly(
                        "CRYONEUROLYSIS DAY_2 2 ±1/1", "CRYONEUROLYSIS WEEK_2 14 ±3/3", "CRYONEUROLYSIS WEEK_6 42 ±3/3",
                        "CRYONEUROLYSIS MONTH_3 90 ±14/14", "CRYONEUROLYSIS MONTH_6 180 ±14/14",
                        "CRYONEUROLYSIS MONTH_9 270 ±14/14", "CRYONEUROLYSIS MONTH_12 360 ±14/14",
                        "NERVE_BLOCK DAY_1 1 ±1/1", "NERVE_BLOCK WEEK_2 14 ±3/3",
                        "RADIOFREQUENCY_ABLATION WEEK_2 14 ±3/3", "RADIOFREQUENCY_ABLATION MONTH_3 90 ±14/14",
                        "RADIOFREQUENCY_ABLATION MONTH_6 180 ±14/14", "RADIOFREQUENCY_ABLATION MONTH_9 270 ±14/14");
    }

    @Test
    void one_modality_is_read_with_its_version_as_etag_in_any_letter_case() throws Exception {
        int version = currentVersion("RADIOFREQUENCY_ABLATION");
        mvc.perform(get("/api/followups/protocols/radiofrequency_ablation").with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + version + "\""))
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.visits[0].label").exists())
                .andExpect(jsonPath("$.visits[0].offsetDays").exists())
                .andExpect(jsonPath("$.visits[0].windowBeforeDays").exists())
                .andExpect(jsonPath("$.visits[0].windowAfterDays").exists());
    }

    @Test
    void an_unknown_modality_is_not_found() throws Exception {
        mvc.perform(get("/api/followups/protocols/ACUPUNCTURE").with(ClinicJwt.coordinator()))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(replace("ACUPUNCTURE", "\"1\"", schedule(2)).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_admin_replaces_a_protocol_as_a_new_version_and_the_old_one_is_kept() throws Exception {
        int before = currentVersion("NERVE_BLOCK");
        List<Map<String, Object>> previous = visitsOf("NERVE_BLOCK", before);
        var newSchedule = List.of(visit("DAY_1", 1, 1, 1), visit("WEEK_1", 7, 2, 2), visit("WEEK_3", 21, 3, 3));

        mvc.perform(replace("NERVE_BLOCK", "\"" + before + "\"", newSchedule).with(ClinicJwt.as("admin7", "clinic-admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (before + 1) + "\""))
                .andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.changedBy").value("admin7"))
                .andExpect(jsonPath("$.visits[*].label", contains("DAY_1", "WEEK_1", "WEEK_3")));

        mvc.perform(get("/api/followups/protocols/NERVE_BLOCK").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.visits[1].offsetDays").value(7));
        mvc.perform(get("/api/followups/protocols/NERVE_BLOCK/versions").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(before + 1))
                .andExpect(jsonPath("$[1].version").value(before));
        assertThat(visitsOf("NERVE_BLOCK", before)).isEqualTo(previous);
    }

    @Test
    void a_change_needs_the_version_read_first() throws Exception {
        int current = currentVersion("CRYONEUROLYSIS");
        mvc.perform(replace("CRYONEUROLYSIS", null, schedule(3)).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isPreconditionRequired()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(replace("CRYONEUROLYSIS", "\"" + (current + 5) + "\"", schedule(3)).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(current));
        mvc.perform(replace("CRYONEUROLYSIS", "yesterday", schedule(3)).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isBadRequest());
        assertThat(currentVersion("CRYONEUROLYSIS")).isEqualTo(current);
    }

    @Test
    void a_stale_version_is_refused_after_someone_else_changed_it() throws Exception {
        int read = currentVersion("RADIOFREQUENCY_ABLATION");
        mvc.perform(replace("RADIOFREQUENCY_ABLATION", "\"" + read + "\"", schedule(4)).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk());
        mvc.perform(replace("RADIOFREQUENCY_ABLATION", "\"" + read + "\"", schedule(2)).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isPreconditionFailed());
        assertThat(currentVersion("RADIOFREQUENCY_ABLATION")).isEqualTo(read + 1);
    }

    @Test
    void of_two_simultaneous_changes_of_the_same_version_one_wins_and_the_other_is_told_it_is_stale() throws Exception {
        int read = currentVersion("NERVE_BLOCK");
        var ready = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Integer> change = () -> {
            var request = replace("NERVE_BLOCK", "\"" + read + "\"", schedule(2)).with(ClinicJwt.clinicAdmin());
            ready.await();
            return mvc.perform(request).andReturn().getResponse().getStatus();
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(change);
            var second = pool.submit(change);
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        assertThat(currentVersion("NERVE_BLOCK")).isEqualTo(read + 1);
    }

    @Test
    void a_schedule_against_the_rules_is_refused_naming_the_field_and_nothing_is_stored() throws Exception {
        int current = currentVersion("CRYONEUROLYSIS");
        String etag = "\"" + current + "\"";
        mvc.perform(replace("CRYONEUROLYSIS", etag, List.of(visit("WEEK_2", 14, 3, 3), visit("WEEK_3", 19, 3, 3)))
                        .with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[*].field", contains("visits[1].windowBeforeDays")));
        mvc.perform(replace("CRYONEUROLYSIS", etag, List.of()).with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", contains("visits")));
        mvc.perform(replace("CRYONEUROLYSIS", etag, List.of(Map.of("label", "WEEK_2", "offsetDays", 14)))
                        .with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[*].field", hasItem("visits[0].windowBeforeDays")));
        mvc.perform(put("/api/followups/protocols/CRYONEUROLYSIS").header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{}").with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isBadRequest());
        assertThat(currentVersion("CRYONEUROLYSIS")).isEqualTo(current);
    }

    @Test
    void coordinators_read_and_only_the_clinic_admin_changes() throws Exception {
        int current = currentVersion("NERVE_BLOCK");
        for (ClinicToken reader : List.of(ClinicJwt.coordinator(), ClinicJwt.clinicAdmin())) {
            mvc.perform(get("/api/followups/protocols").with(reader)).andExpect(status().isOk());
            mvc.perform(get("/api/followups/protocols/NERVE_BLOCK/versions").with(reader)).andExpect(status().isOk());
        }
        for (ClinicToken other : List.of(ClinicJwt.frontDesk(), ClinicJwt.proceduralist())) {
            mvc.perform(get("/api/followups/protocols").with(other)).andExpect(status().isForbidden());
            mvc.perform(get("/api/followups/protocols/NERVE_BLOCK").with(other)).andExpect(status().isForbidden());
            mvc.perform(get("/api/followups/protocols/NERVE_BLOCK/versions").with(other)).andExpect(status().isForbidden());
        }
        for (ClinicToken notAdmin : List.of(ClinicJwt.coordinator(), ClinicJwt.proceduralist(), ClinicJwt.frontDesk())) {
            mvc.perform(replace("NERVE_BLOCK", "\"" + current + "\"", schedule(2)).with(notAdmin))
                    .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        }
        mvc.perform(get("/api/followups/protocols")).andExpect(status().isUnauthorized());
        assertThat(currentVersion("NERVE_BLOCK")).isEqualTo(current);
    }

    private int currentVersion(String modality) {
        return jdbc.sql("SELECT max(version) FROM protocol_version WHERE modality = :m").param("m", modality)
                .query(Integer.class).single();
    }

    private List<Map<String, Object>> visitsOf(String modality, int version) {
        return jdbc.sql("SELECT * FROM protocol_visit WHERE modality = :m AND version = :v ORDER BY position")
                .param("m", modality).param("v", version).query().listOfRows();
    }

    private static Map<String, Object> visit(String label, int offset, int before, int after) {
        return Map.of("label", label, "offsetDays", offset, "windowBeforeDays", before, "windowAfterDays", after);
    }

    /** A valid schedule of {@code count} visits, ten days apart. */
    private static List<Map<String, Object>> schedule(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> visit("VISIT_" + i, i * 10, 2, 2)).toList();
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder replace(String modality,
            String ifMatch, List<?> visits) throws Exception {
        var request = put("/api/followups/protocols/{modality}", modality).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("visits", visits)));
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }
}
