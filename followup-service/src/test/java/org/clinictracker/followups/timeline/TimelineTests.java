package org.clinictracker.followups.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.followups.relief.ExpectedReliefEnds;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.ClinicToken;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's timeline over HTTP: everything followup-service holds about them, in time order, audited. The
 * outcome, complication, reschedule and candidate rows are written as their owners store them.
 */
@ClinicServiceTest
class TimelineTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate PERFORMED = LocalDate.of(2026, 3, 1);

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

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ExpectedReliefEnds reliefEnds;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_patients_procedures_complications_plan_visits_outcomes_reschedules_and_candidates_come_in_time_order()
            throws Exception {
        clock.set(TODAY);
        UUID patient = plans.patient("Timeline, Tess", 8);
        UUID procedure = UUID.randomUUID();
        // a nerve of its own: the clinic's record of the knee (other tests) would otherwise decide the estimate
        String nerve = "TIMELINE_NERVE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID plan = plans.start(new ProcedureFacts(procedure, patient, Instant.parse("2026-03-01T09:30:00Z"),
                Modality.CRYONEUROLYSIS, "M17.11", List.of(new TreatedTarget(nerve, "LEFT", null)), 8, 1, null));
        List<Map<String, Object>> visits = jdbc.sql("SELECT id, label, due_on FROM follow_up_visit WHERE plan_id = ? ORDER BY due_on")
                .param(plan).query().listOfRows();
        UUID first = (UUID) visits.get(0).get("id");
        UUID second = (UUID) visits.get(1).get("id");
        LocalDate firstDue = ((Date) visits.get(0).get("due_on")).toLocalDate();

        // the first visit was done, a bruise noticed at it; the second missed; a serious complication on the record
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED' WHERE id = ?").param(first).update();
        jdbc.sql("""
                INSERT INTO follow_up_outcome (visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score,
                       relief_percent, function_instrument, function_value, documented_late, responder, recorded_by,
                       recorded_at, notes)
                VALUES (?, ?, ?, ?, ?, 3, 70, 'WOMAC', 40, true, true, 'coord1', ?, 'private words')""")
                .param(first).param(plan).param(patient).param(procedure).param(Date.valueOf(firstDue))
                .param(Timestamp.from(Instant.parse("2026-06-15T10:00:00Z"))).update();
        jdbc.sql("UPDATE follow_up_plan SET responder_since = ?, best_pain_score = 3 WHERE id = ?")
                .param(Date.valueOf(firstDue)).param(plan).update();
        transaction.executeWithoutResult(status -> reliefEnds.recompute(plan));
        UUID bruise = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO observed_adverse_event (id, visit_id, patient_id, procedure_id, type, severity, serious,
                       onset_on, outcome, notes)
                VALUES (?, ?, ?, ?, 'BRUISING', 'MILD', false, ?, 'RESOLVING', 'private words')""")
                .param(bruise).param(first).param(patient).param(procedure).param(Date.valueOf(PERFORMED.plusDays(1)))
                .update();
        UUID weakness = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO known_adverse_event (id, procedure_id, patient_id, type, severity, serious, onset_on, outcome,
                       version)
                VALUES (?, ?, ?, 'MOTOR_WEAKNESS', 'SEVERE', true, ?, 'ONGOING', 1)""")
                .param(weakness).param(procedure).param(patient).param(Date.valueOf(firstDue.plusDays(1))).update();
        jdbc.sql("UPDATE follow_up_visit SET state = 'MISSED', missed_on = ? WHERE id = ?")
                .param(Date.valueOf(TODAY)).param(second).update();
        UUID third = (UUID) visits.get(2).get("id");
        LocalDate thirdDue = ((Date) visits.get(2).get("due_on")).toLocalDate();
        jdbc.sql("""
                INSERT INTO visit_reschedule (visit_id, patient_id, from_due_on, to_due_on, reason, rescheduled_by,
                       rescheduled_at)
                VALUES (?, ?, ?, ?, 'patient away', 'coord2', ?)""")
                .param(third).param(patient).param(Date.valueOf(thirdDue)).param(Date.valueOf(TODAY.plusDays(3)))
                .param(Timestamp.from(Instant.parse("2026-06-10T14:00:00Z"))).update();
        UUID candidate = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO repeat_candidate (id, plan_id, patient_id, procedure_id, visit_id, reasons, created_at)
                VALUES (?, ?, ?, ?, ?, '{RELIEF_BELOW_50_PERCENT}', ?)""")
                .param(candidate).param(plan).param(patient).param(procedure).param(first)
                .param(Timestamp.from(Instant.parse("2026-06-12T08:00:00Z"))).update();

        JsonNode timeline = read(patient, ClinicJwt.coordinator());

        List<String> expected = new ArrayList<>(List.of(
                "2026-03-01T09:30:00Z PROCEDURE", "2026-03-01 PLAN", "2026-03-02 ADVERSE_EVENT",
                firstDue + " VISIT " + visits.get(0).get("label") + " COMPLETED", firstDue + " OUTCOME",
                firstDue.plusDays(1) + " ADVERSE_EVENT"));
        List<String> later = new ArrayList<>(List.of("2026-06-10T14:00:00Z RESCHEDULE", "2026-06-12T08:00:00Z REPEAT_CANDIDATE"));
        for (Map<String, Object> visit : visits.subList(1, visits.size())) {
            LocalDate due = ((Date) visit.get("due_on")).toLocalDate();
            String state = visit.get("id").equals(second) ? "MISSED" : due.isBefore(TODAY) ? "OVERDUE" : "SCHEDULED";
            later.add(due + " VISIT " + visit.get("label") + " " + state);
        }
        later.sort(java.util.Comparator.comparing(line -> line.substring(0, 10)));
        expected.addAll(later);
        assertThat(firstDue).isBefore(LocalDate.of(2026, 3, 5)).isAfter(PERFORMED.plusDays(1));
        assertThat(lines(timeline)).containsExactlyElementsOf(expected);

        assertThat(timeline.path("patientId").asString()).isEqualTo(patient.toString());
        assertThat(timeline.path("displayName").asString()).isEqualTo("Timeline, Tess");
        JsonNode procedureEntry = timeline.path("entries").get(0);
        assertThat(procedureEntry.path("procedureId").asString()).isEqualTo(procedure.toString());
        assertThat(procedureEntry.path("detail").path("modality").asString()).isEqualTo("CRYONEUROLYSIS");
        assertThat(procedureEntry.path("detail").path("targets").get(0).path("nerve").asString()).isEqualTo(nerve);
        JsonNode planEntry = timeline.path("entries").get(1);
        assertThat(planEntry.path("planId").asString()).isEqualTo(plan.toString());
        assertThat(planEntry.path("detail").path("protocolVersion").isInt()).isTrue();
        assertThat(planEntry.path("detail").path("expectedReliefEnd").path("likely").asString())
                .isEqualTo(PERFORMED.plusDays(225).toString());
        assertThat(planEntry.path("detail").path("expectedReliefEnd").path("basis").asString()).isEqualTo("PUBLISHED_RANGE");
        JsonNode bruiseEntry = timeline.path("entries").get(2);
        assertThat(bruiseEntry.path("adverseEventId").asString()).isEqualTo(bruise.toString());
        assertThat(bruiseEntry.path("visitId").asString()).isEqualTo(first.toString());
        assertThat(bruiseEntry.path("detail").path("source").asString()).isEqualTo("FOLLOW_UP_VISIT");
        JsonNode outcome = timeline.path("entries").get(4);
        assertThat(outcome.path("visitId").asString()).isEqualTo(first.toString());
        assertThat(outcome.path("detail").path("painScore").asInt()).isEqualTo(3);
        assertThat(outcome.path("detail").path("functionScore").path("instrument").asString()).isEqualTo("WOMAC");
        assertThat(outcome.path("detail").path("responder").asBoolean()).isTrue();
        JsonNode weaknessEntry = timeline.path("entries").get(5);
        assertThat(weaknessEntry.path("detail").path("serious").asBoolean()).isTrue();
        assertThat(weaknessEntry.path("detail").path("source").asString()).isEqualTo("PROCEDURE_RECORD");
        JsonNode candidateEntry = entry(timeline, "REPEAT_CANDIDATE");
        assertThat(candidateEntry.path("candidateId").asString()).isEqualTo(candidate.toString());
        assertThat(candidateEntry.path("detail").path("reasons").get(0).asString()).isEqualTo("RELIEF_BELOW_50_PERCENT");
        assertThat(candidateEntry.path("detail").path("status").asString()).isEqualTo("OPEN");
        JsonNode reschedule = entry(timeline, "RESCHEDULE");
        assertThat(reschedule.path("visitId").asString()).isEqualTo(third.toString());
        assertThat(reschedule.path("detail").path("toDueOn").asString()).isEqualTo(TODAY.plusDays(3).toString());
        assertThat(timeline.toString()).as("free-text notes stay out of the timeline").doesNotContain("private words");
    }

    @Test
    void a_plan_shows_why_it_has_no_expected_end_of_relief() throws Exception {
        clock.set(TODAY);
        UUID patient = plans.patient("Early, Eli", 8);
        plans.start(new ProcedureFacts(UUID.randomUUID(), patient, Instant.parse("2026-06-01T09:00:00Z"),
                Modality.CRYONEUROLYSIS, "M17.11", Plans.KNEE, 8, 1, null));

        JsonNode plan = entry(read(patient, ClinicJwt.proceduralist()), "PLAN");

        assertThat(plan.path("detail").path("noExpectedReliefEnd").asString()).isEqualTo("NOT_A_RESPONDER");
        assertThat(plan.path("detail").has("expectedReliefEnd")).isFalse();
    }

    @Test
    void a_known_patient_with_nothing_yet_has_an_empty_timeline_and_an_unknown_one_is_not_found() throws Exception {
        UUID patient = plans.patient("Quiet, Quinn", null);
        JsonNode timeline = read(patient, ClinicJwt.clinicAdmin());
        assertThat(timeline.path("entries").isEmpty()).isTrue();
        assertThat(timeline.path("mrn").asString()).startsWith("CT-");

        mvc.perform(get("/api/followups/timeline").param("patientId", UUID.randomUUID().toString())
                        .with(ClinicJwt.coordinator()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_procedure_that_arrived_before_the_patients_registration_is_enough_to_know_the_patient() throws Exception {
        UUID patient = UUID.randomUUID();
        knownProcedure(patient, Instant.parse("2026-05-01T09:00:00Z"));
        JsonNode timeline = read(patient, ClinicJwt.coordinator());
        assertThat(lines(timeline)).containsExactly("2026-05-01T09:00:00Z PROCEDURE");
        assertThat(timeline.has("mrn")).isFalse();
    }

    @Test
    void reading_a_timeline_is_audited() throws Exception {
        UUID patient = plans.patient("Audited, Ada", 5);
        read(patient, ClinicJwt.as("proc7", "proceduralist"));
        assertThat(jdbc.sql("SELECT actor || ' ' || role || ' ' || action FROM audit_entry WHERE patient_id = ?")
                .param(patient).query(String.class).list()).containsExactly("proc7 proceduralist FOLLOW_UP_TIMELINE_READ");
    }

    @Test
    void the_front_desk_may_not_read_a_timeline_and_a_caller_without_a_token_is_unauthorised() throws Exception {
        UUID patient = plans.patient("Private, Pat", 5);
        mvc.perform(get("/api/followups/timeline").param("patientId", patient.toString()).with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/followups/timeline").param("patientId", patient.toString()))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ?").param(patient)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_missing_or_malformed_patient_id_is_a_bad_request() throws Exception {
        mvc.perform(get("/api/followups/timeline").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/followups/timeline").param("patientId", "not-a-uuid").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** Each table the timeline reads is read through an index that starts with the patient (1,000,000 visits and more). */
    @Test
    void every_table_of_the_timeline_is_found_by_patient_through_an_index() {
        for (String table : List.of("known_procedure", "known_adverse_event", "follow_up_plan", "follow_up_visit",
                "follow_up_outcome", "observed_adverse_event", "visit_reschedule", "repeat_candidate")) {
            String plan = transaction.execute(status -> {
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
                return String.join("\n", jdbc.sql("EXPLAIN SELECT * FROM " + table + " WHERE patient_id = ?")
                        .param(UUID.randomUUID()).query(String.class).list());
            });
            assertThat(plan).as(table).containsPattern("Index (Only )?Scan|Bitmap Index Scan").contains(table + "_patient");
        }
    }

    /** Only the replica's procedure, without a plan: its event came before anything else about the patient. */
    private UUID knownProcedure(UUID patientId, Instant performedAt) {
        UUID id = UUID.randomUUID();
        List<TreatedTarget> targets = Plans.KNEE;
        jdbc.sql("""
                INSERT INTO known_procedure (id, patient_id, performed_at, modality, indication_code, targets, pain_before,
                                             treatment_number, previous_procedure_id, early_repeat, version)
                VALUES (?, ?, ?, 'CRYONEUROLYSIS', 'M17.11', CAST(? AS jsonb), 8, 1, NULL, false, 1)""")
                .param(id).param(patientId).param(Timestamp.from(performedAt)).param(json.writeValueAsString(targets))
                .update();
        return id;
    }

    private JsonNode read(UUID patientId, ClinicToken token) throws Exception {
        return json.readTree(mvc.perform(get("/api/followups/timeline").param("patientId", patientId.toString()).with(token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entries").isArray())
                .andReturn().getResponse().getContentAsString());
    }

    /** Each entry as "at KIND", visits with their label and status. */
    private static List<String> lines(JsonNode timeline) {
        return timeline.path("entries").valueStream().map(entry -> {
            String line = entry.path("at").asString() + " " + entry.path("kind").asString();
            if (entry.path("kind").asString().equals("VISIT")) {
                line += " " + entry.path("detail").path("label").asString() + " " + entry.path("detail").path("status").asString();
            }
            return line;
        }).toList();
    }

    private static JsonNode entry(JsonNode timeline, String kind) {
        return timeline.path("entries").valueStream().filter(entry -> entry.path("kind").asString().equals(kind))
                .findFirst().orElseThrow();
    }
}
