package org.clinictracker.followups.outcome;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.followups.outcome.Outcome.ObservedAdverseEvent;
import org.clinictracker.followups.outcome.ResponseAssessment.Measures;
import org.clinictracker.followups.outcome.ResponseAssessment.PlanResponse;
import org.clinictracker.followups.outcome.ResponseAssessment.Verdict;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outcomes, the complications noticed with them, and the response columns of their plan. */
@Repository
class OutcomeRepository {

    private final JdbcClient jdbc;

    OutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What documenting a visit needs to know of it and its plan. */
    record VisitOnRecord(UUID id, UUID planId, UUID patientId, UUID procedureId, String label, String state,
            LocalDate windowStart, LocalDate windowEnd, LocalDate performedOn, Integer baselinePainScore) {
    }

    /**
     * The visit with it and its plan locked: two outcomes of one plan are assessed one after the other, so neither
     * computes the plan's response without the other's outcome. The plan's baseline falls back on the chart's.
     */
    Optional<VisitOnRecord> lockVisit(UUID visitId) {
        return jdbc.sql("""
                SELECT v.id, v.plan_id, v.patient_id, v.procedure_id, v.label, v.state, v.window_start, v.window_end,
                       p.performed_on, coalesce(p.baseline_pain_score, k.baseline_pain_score) AS baseline
                FROM follow_up_visit v JOIN follow_up_plan p ON p.id = v.plan_id
                LEFT JOIN known_patient k ON k.id = v.patient_id
                WHERE v.id = ? FOR UPDATE OF v, p""")
                .param(visitId)
                .query((rs, row) -> new VisitOnRecord(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getObject("procedure_id", UUID.class),
                        rs.getString("label"), rs.getString("state"), rs.getObject("window_start", LocalDate.class),
                        rs.getObject("window_end", LocalDate.class), rs.getObject("performed_on", LocalDate.class),
                        (Integer) rs.getObject("baseline")))
                .optional();
    }

    void insert(VisitOnRecord visit, OutcomeReport report, LocalDate assessedOn, boolean documentedLate,
            String recordedBy, Instant recordedAt) {
        FunctionScore function = report.functionScore();
        jdbc.sql("""
                INSERT INTO follow_up_outcome (visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score,
                    relief_percent, function_instrument, function_value, opioid_mme_per_day, satisfaction,
                    sensation_returned, notes, documented_late, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(visit.id(), visit.planId(), visit.patientId(), visit.procedureId(),
                        Date.valueOf(assessedOn), report.painScore(), report.reliefPercent(),
                        function == null ? null : function.instrument().name(), function == null ? null : function.value(),
                        report.opioidMmePerDay(), report.satisfaction(), report.sensationReturned(), report.notes(),
                        documentedLate, recordedBy, Timestamp.from(recordedAt)))
                .update();
    }

    void insertAdverseEvent(VisitOnRecord visit, ObservedAdverseEvent event) {
        jdbc.sql("""
                INSERT INTO observed_adverse_event (id, visit_id, patient_id, procedure_id, type, description, severity,
                    serious, onset_on, outcome, resolved_on, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(event.id(), visit.id(), visit.patientId(), visit.procedureId(), event.type().name(),
                        event.description(), event.severity().name(), event.serious(), Date.valueOf(event.onsetOn()),
                        event.outcome().name(), event.resolvedOn() == null ? null : Date.valueOf(event.resolvedOn()),
                        event.notes()))
                .update();
    }

    void markCompleted(UUID visitId) {
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED', version = version + 1 WHERE id = ?")
                .param(visitId).update();
    }

    /** What the response rules read of each of the plan's outcomes, in assessment order. */
    List<Measures> measures(UUID planId) {
        return jdbc.sql("""
                SELECT visit_id, assessed_on, pain_score, relief_percent, sensation_returned FROM follow_up_outcome
                WHERE plan_id = ? ORDER BY assessed_on, recorded_at, visit_id""")
                .param(planId)
                .query((rs, row) -> new Measures(rs.getObject("visit_id", UUID.class),
                        rs.getObject("assessed_on", LocalDate.class), (Integer) rs.getObject("pain_score"),
                        (Integer) rs.getObject("relief_percent"), (Boolean) rs.getObject("sensation_returned")))
                .list();
    }

    /** Stores the verdict on every outcome of the plan (an earlier visit documented late can change later ones). */
    void storeResponse(UUID planId, PlanResponse response) {
        for (Verdict verdict : response.verdicts()) {
            jdbc.sql("""
                    UPDATE follow_up_outcome SET responder = ?, waning_relief = ?, waning_reasons = ?
                    WHERE visit_id = ?""")
                    .param(verdict.responder()).param(verdict.waningRelief())
                    .param(verdict.reasons().stream().map(Enum::name).toArray(String[]::new))
                    .param(verdict.visitId())
                    .update();
        }
        // a repeat treatment ends the plan's relief by its day at the latest (LEAST ignores nulls)
        jdbc.sql("""
                UPDATE follow_up_plan p SET responder_since = ?, best_pain_score = ?,
                    relief_ended_on = LEAST(CAST(? AS date),
                        (SELECT min(r.performed_on) FROM follow_up_plan r WHERE r.previous_procedure_id = p.procedure_id))
                WHERE id = ?""")
                .param(response.responderSince() == null ? null : Date.valueOf(response.responderSince()))
                .param(response.bestPainScore())
                .param(response.reliefEndedOn() == null ? null : Date.valueOf(response.reliefEndedOn()))
                .param(planId)
                .update();
    }

    Optional<Outcome> find(UUID visitId) {
        List<ObservedAdverseEvent> events = jdbc.sql("""
                SELECT id, type, description, severity, serious, onset_on, outcome, resolved_on, notes
                FROM observed_adverse_event WHERE visit_id = ? ORDER BY onset_on, id""")
                .param(visitId)
                .query((rs, row) -> new ObservedAdverseEvent(rs.getObject("id", UUID.class),
                        AdverseEventType.valueOf(rs.getString("type")), rs.getString("description"),
                        Severity.valueOf(rs.getString("severity")), rs.getBoolean("serious"),
                        rs.getObject("onset_on", LocalDate.class), AdverseEventOutcome.valueOf(rs.getString("outcome")),
                        rs.getObject("resolved_on", LocalDate.class), rs.getString("notes")))
                .list();
        return jdbc.sql("""
                SELECT o.*, v.label FROM follow_up_outcome o JOIN follow_up_visit v ON v.id = o.visit_id
                WHERE o.visit_id = ?""")
                .param(visitId)
                .query((rs, row) -> outcome(rs, events))
                .optional();
    }

    private static Outcome outcome(ResultSet rs, List<ObservedAdverseEvent> events) throws SQLException {
        String instrument = rs.getString("function_instrument");
        FunctionScore function = instrument == null ? null
                : new FunctionScore(FunctionInstrument.valueOf(instrument), rs.getBigDecimal("function_value"));
        BigDecimal mme = rs.getBigDecimal("opioid_mme_per_day");
        Array reasons = rs.getArray("waning_reasons");
        return new Outcome(rs.getObject("visit_id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getObject("procedure_id", UUID.class), rs.getString("label"),
                rs.getObject("assessed_on", LocalDate.class), (Integer) rs.getObject("pain_score"),
                (Integer) rs.getObject("relief_percent"), function, mme, (Integer) rs.getObject("satisfaction"),
                (Boolean) rs.getObject("sensation_returned"), events, rs.getString("notes"),
                rs.getBoolean("documented_late"), (Boolean) rs.getObject("responder"), rs.getBoolean("waning_relief"),
                List.of((String[]) reasons.getArray()), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
