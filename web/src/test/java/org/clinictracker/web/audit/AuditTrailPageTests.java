package org.clinictracker.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.web.ClinicUsers.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailPageTests {

    private static final String PATIENT = "6eedd70b-e31b-4650-9f6f-43139f2a95e1";
    private static final String PAGE = "/patients/" + PATIENT + "/audit";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicApi api;

    @BeforeEach
    void aPatient() {
        when(api.get("/api/patients/{id}", PATIENT)).thenReturn(Map.of("id", PATIENT, "mrn", "CT-000009-1",
                "displayName", "Adeyemi, Ngozi", "birthDate", "1959-07-07"));
    }

    @Test
    void the_three_services_trails_read_as_one_list_newest_first() throws Exception {
        trail("/api/patients/" + PATIENT + "/audit", 2,
                entry("p1", "frontdesk1", "front-desk", "PATIENT_REGISTERED", "2026-11-20T09:00:00Z", "req-register"),
                entry("p2", "proceduralist1", "proceduralist", "PATIENT_READ", "2026-11-21T10:00:00Z", "req-record"));
        trail("/api/procedures/audit", 1,
                entry("r1", "proceduralist1", "proceduralist", "PROCEDURE_RECORDED", "2026-11-21T10:05:00Z", "req-record"));
        trail("/api/followups/audit", 1,
                entry("f1", "coordinator1", "coordinator", "FOLLOW_UP_OUTCOME_RECORDED", "2026-11-22T08:00:00Z", "req-outcome"));

        mvc.perform(get(PAGE).with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//h1").string(containsString("Adeyemi, Ngozi")))
                .andExpect(xpath("//table[@id='audit-trail']/caption").exists())
                .andExpect(xpath("//table[@id='audit-trail']/thead//th[@scope='col']").nodeCount(5))
                .andExpect(xpath("//table[@id='audit-trail']/tbody/tr").nodeCount(4))
                .andExpect(row(1, "FOLLOW_UP_OUTCOME_RECORDED", "FOLLOW_UPS"))
                .andExpect(row(2, "PROCEDURE_RECORDED", "PROCEDURES"))
                .andExpect(row(3, "PATIENT_READ", "PATIENTS"))
                .andExpect(row(4, "PATIENT_REGISTERED", "PATIENTS"))
                // in words, with who, which role, which service and the request id
                .andExpect(xpath("//tbody/tr[1]/td[1]/time/@datetime").string("2026-11-22T08:00:00Z"))
                .andExpect(xpath("//tbody/tr[1]/td[1]").string(containsString("2026-11-22 08:00:00 UTC")))
                .andExpect(xpath("//tbody/tr[1]/td[2]").string(containsString("coordinator1")))
                .andExpect(xpath("//tbody/tr[1]/td[2]").string(containsString("Coordinator")))
                .andExpect(xpath("//tbody/tr[1]/td[3]").string(containsString("Recorded a follow-up outcome")))
                .andExpect(xpath("//tbody/tr[1]/td[4]").string("Follow-ups"))
                .andExpect(xpath("//tbody/tr[2]/td[5]/a").string("req-record"))
                .andExpect(xpath("//tbody/tr[4]/td[3]").string(containsString("Registered the patient")))
                .andExpect(content().string(not(containsString("PATIENT_REGISTERED</"))))
                .andExpect(xpath("//a[@id='older-entries']").doesNotExist());
    }

    @Test
    void a_request_id_shows_one_user_action_across_the_services() throws Exception {
        trail("/api/patients/" + PATIENT + "/audit", 2,
                entry("p1", "frontdesk1", "front-desk", "PATIENT_REGISTERED", "2026-11-20T09:00:00Z", "req-register"),
                entry("p2", "proceduralist1", "proceduralist", "PATIENT_READ", "2026-11-21T10:00:00Z", "req-record"));
        trail("/api/procedures/audit", 1,
                entry("r1", "proceduralist1", "proceduralist", "PROCEDURE_RECORDED", "2026-11-21T10:05:00Z", "req-record"));
        trail("/api/followups/audit", 0);

        mvc.perform(get(PAGE).param("requestId", "req-record").with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//tbody/tr").nodeCount(2))
                .andExpect(row(1, "PROCEDURE_RECORDED", "PROCEDURES"))
                .andExpect(row(2, "PATIENT_READ", "PATIENTS"))
                .andExpect(xpath("//input[@id='requestId']/@value").string("req-record"))
                .andExpect(xpath("//label[@for='requestId']").exists())
                .andExpect(xpath("//*[@aria-live='polite']").string(containsString("belong to request req-record")));
    }

    @Test
    void older_entries_are_one_step_further_back() throws Exception {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(entry("p" + i, "frontdesk1", "front-desk", "PATIENT_LISTED",
                    "2026-11-20T09:%02d:00Z".formatted(i), "req-" + i));
        }
        trail("/api/patients/" + PATIENT + "/audit", 120, many.toArray(Map[]::new));
        trail("/api/procedures/audit", 0);
        trail("/api/followups/audit", 0);

        mvc.perform(get(PAGE).with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//tbody/tr").nodeCount(50))
                .andExpect(xpath("//*[@aria-live='polite']").string(containsString("newest 50 of 120 entries")))
                .andExpect(xpath("//a[@id='older-entries']/@href").string(containsString("limit=100")));
        verify(api).get(eq("/api/procedures/audit"),
                argThat((Map<String, ?> query) -> PATIENT.equals(query.get("patientId"))
                        && Integer.valueOf(0).equals(query.get("page")) && Integer.valueOf(50).equals(query.get("size"))));

        mvc.perform(get(PAGE).param("limit", "100").with(admin())).andExpect(status().isOk());
        verify(api).get(eq("/api/followups/audit"),
                argThat((Map<String, ?> query) -> Integer.valueOf(100).equals(query.get("size"))));
    }

    @Test
    void a_limit_that_is_no_number_shows_the_newest_fifty() throws Exception {
        trail("/api/patients/" + PATIENT + "/audit", 0);
        trail("/api/procedures/audit", 0);
        trail("/api/followups/audit", 0);

        for (String hostile : List.of("abc", "-5", "99999999999999", "1e3", "５０")) {
            mvc.perform(get(PAGE).param("limit", hostile).with(admin()))
                    .andExpect(status().isOk())
                    .andExpect(xpath("//input[@name='limit']/@value").string("50"));
        }
    }

    @Test
    void a_service_that_is_away_leaves_a_clearly_incomplete_list() throws Exception {
        trail("/api/patients/" + PATIENT + "/audit", 1,
                entry("p1", "frontdesk1", "front-desk", "PATIENT_REGISTERED", "2026-11-20T09:00:00Z", "req-register"));
        trail("/api/procedures/audit", 0);
        when(api.get(eq("/api/followups/audit"), anyMap()))
                .thenThrow(new ApiProblem(503, Map.of("title", "Service unavailable")));

        mvc.perform(get(PAGE).with(admin()))
                .andExpect(status().isOk())
                .andExpect(xpath("//tbody/tr").nodeCount(1))
                .andExpect(content().string(containsString("This list is incomplete")))
                .andExpect(xpath("//*[contains(@class,'banner-warn')]").string(containsString("Follow-ups")));
    }

    @Test
    void an_unknown_patient_is_not_found() throws Exception {
        when(api.get("/api/patients/{id}", PATIENT)).thenThrow(new ApiProblem(404,
                Map.of("title", "Patient not found", "detail", "No patient with id " + PATIENT + ".")));

        mvc.perform(get(PAGE).with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(xpath("//h1").string("Patient not found"));
    }

    @Test
    void every_audit_code_reads_as_words() {
        assertThat(AuditActions.inWords("AUDIT_TRAIL_READ")).isEqualTo("Read this audit trail");
        assertThat(AuditActions.inWords("SOMETHING_THE_SERVICES_ADD_LATER")).isEqualTo("Something the services add later");
        assertThat(AuditActions.rolesInWords("clinic-admin,coordinator")).isEqualTo("Clinic admin, Coordinator");
    }

    private static org.springframework.test.web.servlet.ResultMatcher row(int row, String action, String service) {
        return result -> {
            xpath("//table[@id='audit-trail']/tbody/tr[" + row + "]/@data-action").string(action).match(result);
            xpath("//table[@id='audit-trail']/tbody/tr[" + row + "]/@data-service").string(service).match(result);
        };
    }

    @SafeVarargs
    private void trail(String path, long total, Map<String, Object>... entries) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("content", List.of(entries));
        page.put("page", Map.of("size", 50, "number", 0, "totalElements", total,
                "totalPages", (int) ((total + 49) / 50)));
        when(api.get(eq(path), anyMap())).thenReturn(page);
    }

    private static Map<String, Object> entry(String id, String actor, String role, String action, String at,
            String requestId) {
        return Map.of("id", id, "patientId", PATIENT, "actor", actor, "role", role, "action", action,
                "resource", "patient", "at", at, "requestId", requestId);
    }

}
