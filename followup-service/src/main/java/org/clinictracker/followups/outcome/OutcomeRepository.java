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
            Reporter reporter, Instant recordedAt) {
        FunctionScore function = report.functionScore();
        boolean reviewed = reporter.reviewsOwnEntry();
        jdbc.sql("""
                INSERT INTO follow_up_outcome (visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score,
                    relief_percent, function_instrument, function_value, opioid_mme_per_day, satisfaction,
                    sensation_returned, notes, documented_late, recorded_by, recorded_at, reported_by, pain_average,
                    peg_enjoyment, peg_activity, reviewed_by, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(visit.id(), visit.planId(), visit.patientId(), visit.procedureId(),
                        Date.valueOf(assessedOn), report.painScore(), report.reliefPercent(),
                        function == null ? null : function.instrument().name(), function == null ? null : function.value(),
                        report.opioidMmePerDay(), report.satisfaction(), report.sensationReturned(), report.notes(),
                        documentedLate, reporter.name(), Timestamp.from(recordedAt), reporter.kind().name(),
                        report.painAverage(), report.pegEnjoyment(), report.pegActivity(),
                        reviewed ? reporter.name() : null, reviewed ? Timestamp.from(recordedAt) : null))
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

    /** What the plan's responders are measured against: its baseline, else the chart's (as {@link #lockVisit}). */
    Integer baseline(UUID planId) {
        return jdbc.sql("""
                SELECT coalesce(p.baseline_pain_score, k.baseline_pain_score) FROM follow_up_plan p
                LEFT JOIN known_patient k ON k.id = p.patient_id WHERE p.id = ?""")
                .param(planId).query(Integer.class).optional().orElse(null);
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

    /** Keeps the current version of the outcome as it is, before an amendment replaces its measures. */
    void keepVersion(UUID visitId, String amendedBy, Instant amendedAt, String reason) {
        jdbc.sql("""
                INSERT INTO follow_up_outcome_version (visit_id, version, patient_id, assessed_on, pain_score,
                    relief_percent, function_instrument, function_value, opioid_mme_per_day, satisfaction,
                    sensation_returned, pain_average, peg_enjoyment, peg_activity, notes, reported_by, recorded_by,
                    recorded_at, reviewed_by, reviewed_at, amended_by, amended_at, amendment_reason)
                SELECT visit_id, version, patient_id, assessed_on, pain_score, relief_percent, function_instrument,
                    function_value, opioid_mme_per_day, satisfaction, sensation_returned, pain_average, peg_enjoyment,
                    peg_activity, notes, reported_by, recorded_by, recorded_at, reviewed_by, reviewed_at, ?, ?, ?
                FROM follow_up_outcome WHERE visit_id = ?""")
                .param(amendedBy).param(Timestamp.from(amendedAt)).param(reason).param(visitId)
                .update();
    }

    /** Replaces the measures by the amended ones; the next version, reviewed by whoever amended it. */
    void amend(UUID visitId, OutcomeReport report, boolean documentedLate, String amendedBy, Instant amendedAt) {
        FunctionScore function = report.functionScore();
        jdbc.sql("""
                UPDATE follow_up_outcome SET assessed_on = ?, pain_score = ?, relief_percent = ?,
                    function_instrument = ?, function_value = ?, opioid_mme_per_day = ?, satisfaction = ?,
                    sensation_returned = ?, notes = ?, pain_average = ?, peg_enjoyment = ?, peg_activity = ?,
                    documented_late = ?, version = version + 1, reviewed_by = ?, reviewed_at = ?
                WHERE visit_id = ?""")
                .params(Arrays.asList(Date.valueOf(report.assessedOn()), report.painScore(), report.reliefPercent(),
                        function == null ? null : function.instrument().name(), function == null ? null : function.value(),
                        report.opioidMmePerDay(), report.satisfaction(), report.sensationReturned(), report.notes(),
                        report.painAverage(), report.pegEnjoyment(), report.pegActivity(), documentedLate, amendedBy,
                        Timestamp.from(amendedAt), visitId))
                .update();
    }

    /** Marks a patient's answers reviewed as they are; false when they were reviewed already. */
    boolean markReviewed(UUID visitId, String reviewedBy, Instant reviewedAt) {
        return jdbc.sql("""
                UPDATE follow_up_outcome SET reviewed_by = ?, reviewed_at = ?
                WHERE visit_id = ? AND reviewed_at IS NULL""")
                .param(reviewedBy).param(Timestamp.from(reviewedAt)).param(visitId)
                .update() == 1;
    }

    /** The earlier versions of an outcome, oldest first. */
    List<OutcomeVersion> versions(UUID visitId) {
        return jdbc.sql("""
                SELECT * FROM follow_up_outcome_version WHERE visit_id = ? ORDER BY version""")
                .param(visitId)
                .query((rs, row) -> {
                    String instrument = rs.getString("function_instrument");
                    return new OutcomeVersion(rs.getInt("version"), rs.getObject("assessed_on", LocalDate.class),
                            (Integer) rs.getObject("pain_score"), (Integer) rs.getObject("relief_percent"),
                            instrument == null ? null
                                    : new FunctionScore(FunctionInstrument.valueOf(instrument),
                                            rs.getBigDecimal("function_value")),
                            rs.getBigDecimal("opioid_mme_per_day"), (Integer) rs.getObject("satisfaction"),
                            (Boolean) rs.getObject("sensation_returned"), (Integer) rs.getObject("pain_average"),
                            (Integer) rs.getObject("peg_enjoyment"), (Integer) rs.getObject("peg_activity"),
                            rs.getString("notes"), ReportedBy.valueOf(rs.getString("reported_by")),
                            rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("amended_by"), rs.getTimestamp("amended_at").toInstant(),
                            rs.getString("amendment_reason"));
                })
                .list();
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
                rs.getTimestamp("recorded_at").toInstant(), ReportedBy.valueOf(rs.getString("reported_by")),
                (Integer) rs.getObject("pain_average"), (Integer) rs.getObject("peg_enjoyment"),
                (Integer) rs.getObject("peg_activity"), rs.getInt("version"), rs.getString("reviewed_by"),
                rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant());
    }
}
