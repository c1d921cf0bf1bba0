package org.clinictracker.followups.plan;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writes that follow a plan after it was made: amendments, safety checks, a repeat treatment ending it
 * (tables {@code follow_up_plan}, {@code follow_up_visit}). A changed visit's {@code version} goes up, so a
 * coordinator's If-Match on the old state fails instead of overwriting.
 */
@Repository
class PlanChanges {

    private final JdbcClient jdbc;

    PlanChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The procedure's plan, locked until the transaction ends (amendments and complications may race). */
    Optional<PlanHeader> lockPlanOf(UUID procedureId) {
        return jdbc.sql("""
                SELECT id, procedure_id, patient_id, modality, protocol_version, performed_on, treatment_number,
                       previous_procedure_id, baseline_pain_score
                FROM follow_up_plan WHERE procedure_id = ? FOR UPDATE""")
                .param(procedureId)
                .query((rs, row) -> new PlanHeader(rs.getObject("id", UUID.class),
                        rs.getObject("procedure_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        Modality.valueOf(rs.getString("modality")), rs.getInt("protocol_version"),
                        rs.getObject("performed_on", LocalDate.class), rs.getInt("treatment_number"),
                        rs.getObject("previous_procedure_id", UUID.class),
                        rs.getObject("baseline_pain_score", Integer.class)))
                .optional();
    }

    List<PlanVisit> visits(UUID planId) {
        return jdbc.sql("""
                SELECT id, label, kind, state, offset_days, due_on, window_start, window_end, last_day, rescheduled_count
                FROM follow_up_visit WHERE plan_id = ? ORDER BY due_on, label""")
                .param(planId)
                .query((rs, row) -> new PlanVisit(rs.getObject("id", UUID.class), rs.getString("label"),
                        rs.getString("kind"), rs.getString("state"), rs.getObject("offset_days", Integer.class),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("window_start", LocalDate.class),
                        rs.getObject("window_end", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                        rs.getInt("rescheduled_count")))
                .list();
    }

    /** The day of the treatment that repeats this procedure, if one is recorded: from then on its plan is over. */
    Optional<LocalDate> repeatedOn(UUID procedureId) {
        return jdbc.sql("SELECT performed_on FROM follow_up_plan WHERE previous_procedure_id = ? ORDER BY performed_on LIMIT 1")
                .param(procedureId).query(LocalDate.class).optional();
    }

    void apply(PlanHeader plan, ScheduleRevision.Change change) {
        if (change instanceof ScheduleRevision.Move move) {
            jdbc.sql("""
                    UPDATE follow_up_visit SET state = 'OPEN',
                        offset_days = CASE WHEN kind = 'PROTOCOL' THEN ? ELSE offset_days END,
                        due_on = ?, window_start = ?, window_end = ?, last_day = ?, version = version + 1
                    WHERE id = ? AND state IN ('OPEN', 'CANCELLED')""")
                    .param(move.to().offsetDays()).param(Date.valueOf(move.to().dueOn()))
                    .param(Date.valueOf(move.to().windowStart())).param(Date.valueOf(move.to().windowEnd()))
                    .param(Date.valueOf(move.to().lastDay())).param(move.visitId())
                    .update();
        } else if (change instanceof ScheduleRevision.Cancel cancel) {
            jdbc.sql("UPDATE follow_up_visit SET state = 'CANCELLED', version = version + 1 WHERE id = ? AND state = 'OPEN'")
                    .param(cancel.visitId()).update();
        } else if (change instanceof ScheduleRevision.Add add) {
            insertProtocolVisit(plan, add.visit());
        }
    }

    /** Adds a safety check for the complication unless it has one; false if it had. */
    boolean insertSafetyCheck(PlanHeader plan, ScheduledVisit visit, UUID adverseEventId) {
        return jdbc.sql("""
                INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days,
                                             due_on, window_start, window_end, last_day, adverse_event_id)
                VALUES (?, ?, ?, ?, ?, ?, 'SAFETY_CHECK', NULL, ?, ?, ?, ?, ?)
                ON CONFLICT (adverse_event_id) DO NOTHING""")
                .param(UUID.randomUUID()).param(plan.id()).param(plan.patientId()).param(plan.procedureId())
                .param(plan.modality().name()).param(visit.label()).param(Date.valueOf(visit.dueOn()))
                .param(Date.valueOf(visit.windowStart())).param(Date.valueOf(visit.windowEnd()))
                .param(Date.valueOf(visit.lastDay())).param(adverseEventId)
                .update() == 1;
    }

    /** The complications that already have their safety check on this plan. */
    List<UUID> checkedComplications(UUID planId) {
        return jdbc.sql("SELECT adverse_event_id FROM follow_up_visit WHERE plan_id = ? AND adverse_event_id IS NOT NULL")
                .param(planId).query(UUID.class).list();
    }

    int safetyChecks(UUID planId) {
        return jdbc.sql("SELECT count(*) FROM follow_up_visit WHERE plan_id = ? AND kind = 'SAFETY_CHECK'")
                .param(planId).query(Integer.class).single();
    }

    /** The plan follows the corrected procedure; every visit carries the modality, for the worklist's filter. */
    void updatePlan(PlanHeader plan) {
        jdbc.sql("""
                UPDATE follow_up_plan SET modality = ?, protocol_version = ?, performed_on = ?, treatment_number = ?,
                    previous_procedure_id = ?, baseline_pain_score = ?
                WHERE id = ?""")
                .param(plan.modality().name()).param(plan.protocolVersion()).param(Date.valueOf(plan.performedOn()))
                .param(plan.treatmentNumber()).param(plan.previousProcedureId()).param(plan.baselinePainScore())
                .param(plan.id())
                .update();
        jdbc.sql("UPDATE follow_up_visit SET modality = ? WHERE plan_id = ? AND modality <> ?")
                .param(plan.modality().name()).param(plan.id()).param(plan.modality().name()).update();
    }

    /**
     * Ends the plan of {@code procedureId} because a repeat treatment on {@code repeatedOn} took over: relief
     * ended by then at the latest, and its open protocol visits are cancelled. Open safety checks stay: a serious
     * complication of the earlier procedure still needs its check. The plan's patient, or empty if it has no plan.
     */
    Optional<UUID> endPlan(UUID procedureId, LocalDate repeatedOn) {
        Optional<UUID> patientId = jdbc.sql("""
                UPDATE follow_up_plan SET relief_ended_on = COALESCE(relief_ended_on, ?) WHERE procedure_id = ?
                RETURNING patient_id""")
                .param(Date.valueOf(repeatedOn)).param(procedureId).query(UUID.class).optional();
        patientId.ifPresent(patient -> jdbc.sql("""
                UPDATE follow_up_visit SET state = 'CANCELLED', version = version + 1
                WHERE procedure_id = ? AND state = 'OPEN' AND kind = 'PROTOCOL'""")
                .param(procedureId).update());
        return patientId;
    }

    private void insertProtocolVisit(PlanHeader plan, ScheduledVisit visit) {
        jdbc.sql("""
                INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days,
                                             due_on, window_start, window_end, last_day)
                VALUES (?, ?, ?, ?, ?, ?, 'PROTOCOL', ?, ?, ?, ?, ?)""")
                .param(UUID.randomUUID()).param(plan.id()).param(plan.patientId()).param(plan.procedureId())
                .param(plan.modality().name()).param(visit.label()).param(visit.offsetDays())
                .param(Date.valueOf(visit.dueOn())).param(Date.valueOf(visit.windowStart()))
                .param(Date.valueOf(visit.windowEnd())).param(Date.valueOf(visit.lastDay()))
                .update();
    }
}
