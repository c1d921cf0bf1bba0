package org.clinictracker.followups.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A plan is made once per procedure, from the protocol version current then, and announced on the topic. */
@ClinicServiceTest
class PlanStartTests {

    @Autowired
    Plans plans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    // this context\'s own broker: the spring.kafka.bootstrap-servers system property names the broker of whichever
    // test context started last (PatientLinkEmailTests has one of its own)
    @Autowired
    EmbeddedKafkaBroker kafka;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_procedure_gets_one_plan_however_often_it_is_started_and_the_plan_is_announced() {
        LocalDate today = LocalDate.of(2026, 11, 2);
        clock.set(today);
        UUID patientId = plans.patient("Silva, Maria", 7);
        ProcedureFacts procedure = Plans.kneeCryo(patientId, today);

        UUID planId = plans.start(procedure);
        UUID again = plans.start(procedure);

        assertThat(planId).isNotNull();
        assertThat(again).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM follow_up_plan WHERE procedure_id = ?").param(procedure.procedureId())
                .query(Integer.class).single()).isEqualTo(1);
        Map<String, Object> plan = jdbc.sql("SELECT protocol_version, baseline_pain_score, performed_on FROM follow_up_plan WHERE id = ?")
                .param(planId).query().singleRow();
        int current = jdbc.sql("SELECT max(version) FROM protocol_version WHERE modality = 'CRYONEUROLYSIS'")
                .query(Integer.class).single();
        assertThat(plan).containsEntry("protocol_version", current).containsEntry("baseline_pain_score", 8);
        assertThat(jdbc.sql("SELECT actor || ' ' || role FROM audit_entry WHERE patient_id = ? AND action = 'FOLLOW_UP_PLAN_CREATED'")
                .param(patientId).query(String.class).list()).containsExactly("system service");
        List<String> labels = jdbc.sql("SELECT label FROM follow_up_visit WHERE plan_id = ? ORDER BY due_on")
                .param(planId).query(String.class).list();
        assertThat(labels).contains("DAY_2", "MONTH_12");

        try (TopicProbe probe = TopicProbe.on(kafka.getBrokersAsString(), Topics.FOLLOWUPS)) {
            String event = probe.awaitRecord(patientId, value -> value.contains("FollowUpPlanCreated"), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.FOLLOWUPS, "FollowUpPlanCreated", event);
            assertThat(event).contains(planId.toString()).contains(procedure.procedureId().toString());
            assertThat(probe.allRecordsFor(patientId)).filteredOn(value -> value.contains("FollowUpPlanCreated")).hasSize(1);
        }
    }

    @Test
    void without_pain_before_the_procedure_the_charts_baseline_is_what_responders_are_measured_against() {
        UUID patientId = plans.patient("Okafor, Ada", 6);
        UUID planId = plans.start(Plans.procedure(patientId, LocalDate.now(clock), Modality.RADIOFREQUENCY_ABLATION,
                null, 1, null));

        assertThat(jdbc.sql("SELECT baseline_pain_score FROM follow_up_plan WHERE id = ?").param(planId)
                .query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void a_late_entry_gets_every_visit_and_the_past_ones_are_due_or_overdue_not_missed() {
        LocalDate today = LocalDate.of(2026, 11, 2);
        clock.set(today);
        UUID patientId = plans.patient("Novak, Jan", 7);
        UUID planId = plans.start(Plans.kneeCryo(patientId, today.minusDays(200)));

        List<Map<String, Object>> visits = jdbc.sql("""
                SELECT label, state, window_start, due_on, last_day FROM follow_up_visit WHERE plan_id = ? ORDER BY due_on""")
                .param(planId).query().listOfRows();

        assertThat(visits).extracting(row -> row.get("label"))
                .containsExactly("DAY_2", "WEEK_2", "WEEK_6", "MONTH_3", "MONTH_6", "MONTH_9", "MONTH_12");
        assertThat(visits).allSatisfy(row -> assertThat(row.get("state")).isEqualTo("OPEN"));
        Map<String, Object> month3 = visits.get(3);
        assertThat(VisitStatus.of("OPEN", ((java.sql.Date) month3.get("window_start")).toLocalDate(),
                ((java.sql.Date) month3.get("due_on")).toLocalDate(), today)).isEqualTo(VisitStatus.OVERDUE);
        assertThat(((java.sql.Date) month3.get("last_day")).toLocalDate()).isEqualTo(today.plusDays(14));
        Map<String, Object> month6 = visits.get(4); // window days 166..194: closed before day 200
        assertThat(((java.sql.Date) month6.get("last_day")).toLocalDate()).isEqualTo(today.plusDays(14));
        Map<String, Object> month9 = visits.get(5);
        assertThat(VisitStatus.of("OPEN", ((java.sql.Date) month9.get("window_start")).toLocalDate(),
                ((java.sql.Date) month9.get("due_on")).toLocalDate(), today)).isEqualTo(VisitStatus.SCHEDULED);
    }
}
