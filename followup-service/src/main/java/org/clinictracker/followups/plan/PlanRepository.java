package org.clinictracker.followups.plan;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.followups.PlannedVisit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and their visits (tables {@code follow_up_plan}, {@code follow_up_visit}). */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the plan unless the procedure has one; false when it had (a redelivered or replayed event). The
     * patient's opioid use at intake is frozen on it from the chart as it is now (the report compares it with
     * the use at each window; a later change of the chart is not what the patient took before this procedure).
     */
    boolean insertPlan(UUID planId, ProcedureFacts facts, int protocolVersion, LocalDate performedOn,
            Integer baselinePainScore, Instant createdAt) {
        return jdbc.sql("""
                INSERT INTO follow_up_plan (id, procedure_id, patient_id, modality, protocol_version, performed_on,
                                            treatment_number, previous_procedure_id, baseline_pain_score, created_at,
                                            opioid_mme_before)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT opioid_mme_per_day FROM known_patient WHERE id = ?))
                ON CONFLICT (procedure_id) DO NOTHING""")
                .param(planId).param(facts.procedureId()).param(facts.patientId()).param(facts.modality().name())
                .param(protocolVersion).param(Date.valueOf(performedOn)).param(facts.treatmentNumber())
                .param(facts.previousProcedureId()).param(baselinePainScore).param(Timestamp.from(createdAt))
                .param(facts.patientId())
                .update() == 1;
    }

    /** Inserts the protocol's visits of a new plan; answers them as events carry them. */
    List<PlannedVisit> insertVisits(UUID planId, ProcedureFacts facts, List<ScheduledVisit> visits) {
        List<PlannedVisit> planned = new ArrayList<>(visits.size());
        for (ScheduledVisit visit : visits) {
            UUID visitId = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days,
                                                 due_on, window_start, window_end, last_day)
                    VALUES (?, ?, ?, ?, ?, ?, 'PROTOCOL', ?, ?, ?, ?, ?)""")
                    .param(visitId).param(planId).param(facts.patientId()).param(facts.procedureId())
                    .param(facts.modality().name()).param(visit.label()).param(visit.offsetDays())
                    .param(Date.valueOf(visit.dueOn())).param(Date.valueOf(visit.windowStart()))
                    .param(Date.valueOf(visit.windowEnd())).param(Date.valueOf(visit.lastDay()))
                    .update();
            planned.add(new PlannedVisit(visitId, visit.label(), visit.dueOn(), visit.windowStart(), visit.windowEnd()));
        }
        return planned;
    }

    /** The chart's baseline pain score, if the patient's registration has reached this service. */
    Integer chartBaseline(UUID patientId) {
        return jdbc.sql("SELECT baseline_pain_score FROM known_patient WHERE id = ?").param(patientId)
                .query(Integer.class).optional().orElse(null);
    }
}
