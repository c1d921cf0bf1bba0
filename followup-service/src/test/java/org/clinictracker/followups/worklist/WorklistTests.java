package org.clinictracker.followups.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worklist over HTTP on the real database. Every test makes its own patients and reads the list for them
 * (patientId), so what other tests left in the shared database does not matter. The clinic's day is fixed at
 * {@link #TODAY}; a knee cryoneurolysis plan (DAY_2, WEEK_2, WEEK_6, MONTH_3 ...) is made from it.
 */
@ClinicServiceTest
class WorklistTests {

    static final LocalDate TODAY = LocalDate.of(2012, 5, 16);
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    TestClock clock;

    @BeforeEach
    void clinicDay() {
        clock.set(TODAY);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void by_default_a_coordinator_sees_the_open_and_missed_visits_with_who_the_patient_is() throws Exception {
        UUID patientId = plans.patient("Silva, Maria", 7);
        UUID planId = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        UUID week2 = plans.visit(planId, "WEEK_2");
        setState(plans.visit(planId, "DAY_2"), "COMPLETED");
        setState(plans.visit(planId, "WEEK_6"), "MISSED");
        setState(plans.visit(planId, "MONTH_12"), "CANCELLED");
        String mrn = jdbc.sql("SELECT mrn FROM known_patient WHERE id = ?").param(patientId).query(String.class).single();

        mvc.perform(worklist().param("patientId", patientId.toString()).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(5))
                .andExpect(jsonPath("$.content[*].label", containsInAnyOrder("WEEK_2", "WEEK_6", "MONTH_3", "MONTH_6", "MONTH_9")))
                .andExpect(jsonPath("$.content[?(@.label == 'WEEK_2')].id").value(week2.toString()))
                .andExpect(jsonPath("$.content[?(@.label == 'WEEK_2')].status").value("DUE"))
                .andExpect(jsonPath("$.content[?(@.label == 'WEEK_2')].dueOn").value(TODAY.toString()))
                .andExpect(jsonPath("$.content[?(@.label == 'WEEK_2')].windowStart").value(TODAY.minusDays(3).toString()))
                .andExpect(jsonPath("$.content[?(@.label == 'WEEK_2')].windowEnd").value(TODAY.plusDays(3).toString()))
                .andExpect(jsonPath("$.content[?(@.label == 'WEEK_6')].status").value("MISSED"))
                .andExpect(jsonPath("$.content[?(@.label == 'MONTH_3')].status").value("SCHEDULED"))
                .andExpect(jsonPath("$.content[0].patientId").value(patientId.toString()))
                .andExpect(jsonPath("$.content[0].procedureId").exists())
                .andExpect(jsonPath("$.content[0].planId").value(planId.toString()))
                .andExpect(jsonPath("$.content[*].mrn", everyItem(org.hamcrest.Matchers.is(mrn))))
                .andExpect(jsonPath("$.content[0].displayName").value("Silva, Maria"))
                .andExpect(jsonPath("$.content[0].modality").value("CRYONEUROLYSIS"))
                .andExpect(jsonPath("$.content[0].kind").value("PROTOCOL"))
                .andExpect(jsonPath("$.content[0].treatmentNumber").value(1))
                .andExpect(jsonPath("$.content[0].patientLostToFollowUp").value(false))
                .andExpect(jsonPath("$.content[0].rescheduledCount").value(0))
                .andExpect(jsonPath("$.content[0].version").isNumber());
    }

    @ParameterizedTest(name = "view {0}")
    @CsvSource({
            "TODAY, WEEK_2",             // due today
            "THIS_WEEK, WEEK_2 WEEK_2b", // today .. today + 6
            "OVERDUE, DAY_2",            // past its due day, still open (a late entry: documentable)
            "MISSED, WEEK_6" })
    void each_view_shows_its_visits(String view, String labels) throws Exception {
        UUID patientId = plans.patient("Okafor, Ada", 6);
        UUID planId = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        UUID otherPlan = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(8))); // its WEEK_2 is due in 6 days
        jdbc.sql("UPDATE follow_up_visit SET label = 'WEEK_2b' WHERE plan_id = ? AND label = 'WEEK_2'").param(otherPlan).update();
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED' WHERE plan_id = ? AND label = 'DAY_2'").param(otherPlan).update();
        setState(plans.visit(planId, "WEEK_6"), "MISSED");

        mvc.perform(worklist().param("patientId", patientId.toString()).param("view", view).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].label", containsInAnyOrder((Object[]) labels.split(" "))));
    }

    @Test
    void statuses_select_by_what_the_visit_is_today_and_combine_with_a_view() throws Exception {
        UUID patientId = plans.patient("Novak, Jan", 7);
        UUID planId = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        setState(plans.visit(planId, "MONTH_12"), "COMPLETED");

        mvc.perform(worklist().param("patientId", patientId.toString()).param("status", "DUE", "OVERDUE")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].label", contains("DAY_2", "WEEK_2")));
        mvc.perform(worklist().param("patientId", patientId.toString()).param("status", "COMPLETED,SCHEDULED")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].label", contains("WEEK_6", "MONTH_3", "MONTH_6", "MONTH_9", "MONTH_12")));
        mvc.perform(worklist().param("patientId", patientId.toString()).param("status", "SCHEDULED")
                        .param("view", "TODAY").with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void every_status_together_lists_every_visit_once() throws Exception {
        UUID patientId = plans.patient("Kowalski, Piotr", 7);
        UUID planId = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        setState(plans.visit(planId, "WEEK_6"), "MISSED");
        setState(plans.visit(planId, "MONTH_3"), "COMPLETED");
        setState(plans.visit(planId, "MONTH_6"), "CANCELLED");
        safetyCheck(planId, patientId, TODAY.plusDays(1));

        mvc.perform(worklist().param("patientId", patientId.toString())
                        .param("status", "SCHEDULED", "DUE", "OVERDUE", "MISSED", "COMPLETED", "CANCELLED")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(8))
                .andExpect(jsonPath("$.content[*].label", contains("SAFETY_CHECK_1", "DAY_2", "WEEK_6", "WEEK_2",
                        "MONTH_9", "MONTH_12", "MONTH_3", "MONTH_6")));
    }

    @Test
    void filters_by_assignee_modality_and_due_days_inclusive() throws Exception {
        UUID patientId = plans.patient("Haddad, Lina", 8);
        UUID cryo = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        UUID rfa = plans.start(Plans.procedure(patientId, TODAY.minusDays(14), Modality.RADIOFREQUENCY_ABLATION, 8, 1, null));
        UUID week6 = plans.visit(cryo, "WEEK_6");
        jdbc.sql("UPDATE follow_up_visit SET assignee = 'nurse.kim' WHERE id = ?").param(week6).update();
        int rfaVisits = jdbc.sql("SELECT count(*) FROM follow_up_visit WHERE plan_id = ?").param(rfa)
                .query(Integer.class).single();

        mvc.perform(worklist().param("patientId", patientId.toString()).param("assignee", "Nurse.Kim")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].id", contains(week6.toString())))
                .andExpect(jsonPath("$.content[0].assignee").value("nurse.kim"));
        mvc.perform(worklist().param("patientId", patientId.toString()).param("unassigned", "true")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.page.totalElements").value(rfaVisits + 6))
                .andExpect(jsonPath("$.content[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(week6.toString()))));
        mvc.perform(worklist().param("patientId", patientId.toString()).param("modality", "RADIOFREQUENCY_ABLATION")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].modality", everyItem(org.hamcrest.Matchers.is("RADIOFREQUENCY_ABLATION"))))
                .andExpect(jsonPath("$.page.totalElements").value(rfaVisits));
        mvc.perform(worklist().param("patientId", patientId.toString()).param("modality", "CRYONEUROLYSIS")
                        .param("dueFrom", TODAY.minusDays(12).toString()).param("dueTo", TODAY.plusDays(28).toString())
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].label", containsInAnyOrder("DAY_2", "WEEK_2", "WEEK_6")));
    }

    @Test
    void the_sql_orders_by_urgency_exactly_as_the_rule_says_with_safety_checks_first() throws Exception {
        UUID patientId = plans.patient("Brown, Tom", 9);
        UUID old = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(100)));  // a late entry: several overdue
        UUID recent = plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(13))); // WEEK_2 due tomorrow
        plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(41)));               // WEEK_6 due tomorrow, WEEK_2 missed
        setState(plans.visit(old, "WEEK_6"), "MISSED");
        setState(plans.visit(old, "DAY_2"), "COMPLETED");
        UUID safetyCheck = safetyCheck(recent, patientId, TODAY.plusDays(3));

        String body = mvc.perform(worklist().param("patientId", patientId.toString()).param("size", "100")
                        .with(ClinicJwt.coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<WorklistItem> listed = json.readValue(json.readTree(body).get("content").toString(),
                new TypeReference<List<WorklistItem>>() { });

        assertThat(listed).hasSizeGreaterThan(10);
        assertThat(listed).isSortedAccordingTo(Urgency.ORDER);
        assertThat(listed.get(0).id()).isEqualTo(safetyCheck);
        assertThat(listed.get(0).urgency()).isEqualTo(Urgency.SAFETY_CHECK);
        assertThat(listed).extracting(WorklistItem::urgency)
                .contains(Urgency.LATE, Urgency.DUE, Urgency.SCHEDULED).doesNotContain(Urgency.CLOSED);
        assertThat(listed).filteredOn(item -> item.urgency() == Urgency.LATE)
                .extracting(WorklistItem::status).contains(VisitStatus.MISSED, VisitStatus.OVERDUE);
    }

    @Test
    void pages_follow_each_other_without_overlap_and_count_the_whole_list() throws Exception {
        UUID patientId = plans.patient("Ito, Ken", 7);
        plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(30)));
        int total = jdbc.sql("SELECT count(*) FROM follow_up_visit WHERE patient_id = ?").param(patientId)
                .query(Integer.class).single();

        List<String> all = ids(mvc.perform(worklist().param("patientId", patientId.toString()).param("size", "100")
                .with(ClinicJwt.coordinator())).andReturn().getResponse().getContentAsString());
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 3 < total; page++) {
            String body = mvc.perform(worklist().param("patientId", patientId.toString()).param("size", "3")
                            .param("page", String.valueOf(page)).with(ClinicJwt.coordinator()))
                    .andExpect(jsonPath("$.page.totalElements").value(total))
                    .andExpect(jsonPath("$.page.totalPages").value((total + 2) / 3))
                    .andExpect(jsonPath("$.page.number").value(page))
                    .andExpect(jsonPath("$.page.size").value(3))
                    .andReturn().getResponse().getContentAsString();
            paged.addAll(ids(body));
        }
        assertThat(paged).hasSize(total).doesNotHaveDuplicates().containsExactlyElementsOf(all);
        mvc.perform(worklist().param("patientId", patientId.toString()).param("size", "3").param("page", "50")
                        .with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content", hasSize(0)))
                .andExpect(jsonPath("$.page.totalElements").value(total));
    }

    @Test
    void each_patient_shown_is_recorded_in_the_audit_trail() throws Exception {
        UUID patientId = plans.patient("Moreau, Luc", 7);
        plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14)));
        UUID notShown = plans.patient("Hidden, Not", 7);
        plans.start(Plans.kneeCryo(notShown, TODAY.minusDays(14)));

        mvc.perform(worklist().param("patientId", patientId.toString()).with(ClinicJwt.as("coord9", "coordinator")))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT actor || ' ' || action FROM audit_entry WHERE patient_id = ?").param(patientId)
                .query(String.class).list()).containsExactly("coord9 WORKLIST_READ");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ?").param(notShown)
                .query(Integer.class).single()).isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "status, SOON",
            "status, due",
            "view, NEXT_YEAR",
            "modality, ACUPUNCTURE",
            "patientId, 12345",
            "dueFrom, 16/05/2012",
            "dueTo, 2012-02-30",
            "size, 101",
            "size, 0",
            "page, -1",
            "page, x",
            "assignee, 'two words'",
            "assignee, a",
            "unassigned, maybe" })
    void a_bad_parameter_is_a_400_problem(String parameter, String value) throws Exception {
        mvc.perform(worklist().param(parameter, value).with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void unassigned_and_an_assignee_together_are_a_400_problem() throws Exception {
        mvc.perform(worklist().param("unassigned", "true").param("assignee", "nurse.kim").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unassigned"));
    }

    @Test
    void due_from_after_due_to_is_a_400_problem_naming_the_field() throws Exception {
        mvc.perform(worklist().param("dueFrom", "2012-05-20").param("dueTo", "2012-05-19").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("dueFrom"));
    }

    @Test
    void clinical_readers_may_read_it_the_front_desk_may_not_and_nobody_without_a_token() throws Exception {
        mvc.perform(worklist().param("view", "TODAY").with(ClinicJwt.proceduralist())).andExpect(status().isOk());
        mvc.perform(worklist().param("view", "TODAY").with(ClinicJwt.clinicAdmin())).andExpect(status().isOk());
        mvc.perform(worklist().with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(worklist()).andExpect(status().isUnauthorized());
    }

    private static MockHttpServletRequestBuilder worklist() {
        return get("/api/followups");
    }

    private List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : json.readTree(body).get("content")) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }

    private void setState(UUID visitId, String state) {
        jdbc.sql("UPDATE follow_up_visit SET state = ?, missed_on = CASE WHEN ? = 'MISSED' THEN CAST(? AS date) END WHERE id = ?")
                .param(state).param(state).param(TODAY).param(visitId).update();
    }

    /** A check for a serious adverse event, as h1's consumer adds it (the test cannot wait for a real one). */
    private UUID safetyCheck(UUID planId, UUID patientId, LocalDate dueOn) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, due_on,
                                             window_start, window_end, last_day)
                SELECT ?, p.id, p.patient_id, p.procedure_id, p.modality, 'SAFETY_CHECK_1', 'SAFETY_CHECK', ?, ?, ?, ?
                FROM follow_up_plan p WHERE p.id = ?""")
                .param(id).param(dueOn).param(dueOn.minusDays(1)).param(dueOn.plusDays(1)).param(dueOn.plusDays(1))
                .param(planId).update();
        assertThat(patientId).isNotNull();
        return id;
    }
}
