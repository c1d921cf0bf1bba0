package org.clinictracker.followups.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.PlanAmendments;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * An amended procedure is judged again by what was already documented: a corrected pain score before it can turn
 * relief into waning relief (and recommend a repeat), a corrected day moves the expected end of relief.
 */
@ClinicServiceTest
class AmendedProcedureResponseTests {

    static final LocalDate PERFORMED = LocalDate.of(2026, 4, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    PlanAmendments amendments;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestClock clock;

    ProcedureFacts procedure;
    UUID planId;

    @BeforeEach
    void aResponderAtWeekTwo() throws Exception {
        clock.set(PERFORMED);
        procedure = Plans.kneeCryo(plans.patient("Haddad, Rania", 8), PERFORMED); // pain 8 before it
        planId = plans.start(procedure);
        clock.set(PERFORMED.plusDays(14));
        outcome("WEEK_2", 3); // 3 ≤ 8 / 2: a responder
        clock.set(PERFORMED.plusDays(42));
        outcome("WEEK_6", 4); // still at least 50 % below 8, not 2 above its best: no waning
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_corrected_pain_before_the_procedure_turns_the_documented_relief_into_waning_and_recommends_a_repeat() {
        assertThat(candidates()).isZero();

        amend(new ProcedureFacts(procedure.procedureId(), procedure.patientId(), procedure.performedAt(),
                procedure.modality(), procedure.indicationCode(), procedure.targets(), 6, 1, null));

        // against 6, week 6's pain of 4 is no longer 50 % below the baseline: relief has waned
        assertThat(jdbc.sql("SELECT waning_relief FROM follow_up_outcome WHERE visit_id = ?")
                .param(plans.visit(planId, "WEEK_6")).query(Boolean.class).single()).isTrue();
        assertThat(candidates()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'RepeatTreatmentRecommended' AND payload::text LIKE ?")
                .param("%" + planId + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_corrected_day_moves_the_expected_end_of_relief_with_it() {
        LocalDate before = expectedReliefEnd();
        assertThat(before).isNotNull();

        amend(new ProcedureFacts(procedure.procedureId(), procedure.patientId(),
                PERFORMED.minusDays(10).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC), procedure.modality(),
                procedure.indicationCode(), procedure.targets(), 8, 1, null));

        assertThat(ChronoUnit.DAYS.between(expectedReliefEnd(), before)).isEqualTo(10);
    }

    private void amend(ProcedureFacts corrected) {
        transaction.executeWithoutResult(status -> amendments.amend(corrected));
    }

    private void outcome(String label, int painScore) throws Exception {
        mvc.perform(post("/api/followups/{id}/outcome", plans.visit(planId, label)).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("painScore", painScore))))
                .andExpect(status().isCreated());
    }

    private int candidates() {
        return jdbc.sql("SELECT count(*) FROM repeat_candidate WHERE plan_id = ?").param(planId)
                .query(Integer.class).single();
    }

    private LocalDate expectedReliefEnd() {
        return jdbc.sql("SELECT expected_relief_end FROM follow_up_plan WHERE id = ?").param(planId)
                .query(LocalDate.class).single();
    }
}
