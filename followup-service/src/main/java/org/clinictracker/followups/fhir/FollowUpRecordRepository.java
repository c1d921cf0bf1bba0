package org.clinictracker.followups.fhir;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.followups.outcome.FunctionInstrument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A patient's follow-up rows as the FHIR record renders them, each table read through its index on patient_id and
 * in a fixed order (a stable export).
 */
@Repository
class FollowUpRecordRepository {

    /**
     * One visit's outcome; any measure may be missing (not asked, or the patient could not say).
     * {@code patientReported}: the patient answered through a follow-up link.
     */
    record RecordedOutcome(UUID visitId, UUID planId, UUID patientId, UUID procedureId, LocalDate assessedOn,
            Integer painScore, Integer reliefPercent, FunctionInstrument functionInstrument, BigDecimal functionValue,
            BigDecimal opioidMmePerDay, Integer satisfaction, Boolean sensationReturned, Instant recordedAt,
            boolean patientReported) {
    }

    /** A plan and the procedure it follows. */
    record RecordedPlan(UUID id, UUID procedureId, UUID patientId, String modality, int protocolVersion,
            LocalDate performedOn, int treatmentNumber, Instant createdAt) {
    }

    /**
     * A visit in its stored state ({@code OPEN}, {@code COMPLETED}, {@code MISSED}, {@code CANCELLED}), with the day
     * its outcome was assessed (if any) and how it was moved.
     */
    record RecordedVisit(UUID id, UUID planId, UUID procedureId, UUID patientId, String modality, String label,
            String kind, LocalDate dueOn, LocalDate windowStart, LocalDate windowEnd, String state,
            UUID cancelledByProcedureId, LocalDate assessedOn, List<Reschedule> reschedules) {

        RecordedVisit withReschedules(List<Reschedule> moves) {
            return new RecordedVisit(id, planId, procedureId, patientId, modality, label, kind, dueOn, windowStart,
                    windowEnd, state, cancelledByProcedureId, assessedOn, List.copyOf(moves));
        }
    }

    record Reschedule(UUID visitId, LocalDate fromDueOn, LocalDate toDueOn, String reason) {
    }

    /** A repeat-treatment candidate: the plan whose relief waned, why, and what the coordinator decided. */
    record RecordedCandidate(UUID id, UUID planId, UUID procedureId, UUID patientId, UUID visitId, String modality,
            List<String> reasons, Instant createdAt, String status) {
    }

    private final JdbcClient jdbc;

    FollowUpRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RecordedOutcome> outcomes(UUID patientId) {
        return jdbc.sql("""
                SELECT visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score, relief_percent,
                       function_instrument, function_value, opioid_mme_per_day, satisfaction, sensation_returned,
                       recorded_at, reported_by
                FROM follow_up_outcome WHERE patient_id = ?
                ORDER BY assessed_on, visit_id""")
                .param(patientId)
                .query((rs, row) -> {
                    String instrument = rs.getString("function_instrument");
                    return new RecordedOutcome(uuid(rs, "visit_id"), uuid(rs, "plan_id"), uuid(rs, "patient_id"),
                            uuid(rs, "procedure_id"), day(rs, "assessed_on"), integer(rs, "pain_score"),
                            integer(rs, "relief_percent"),
                            instrument == null ? null : FunctionInstrument.valueOf(instrument),
                            rs.getBigDecimal("function_value"), rs.getBigDecimal("opioid_mme_per_day"),
                            integer(rs, "satisfaction"), rs.getObject("sensation_returned", Boolean.class),
                            rs.getTimestamp("recorded_at").toInstant(), "PATIENT".equals(rs.getString("reported_by")));
                })
                .list();
    }

    List<RecordedPlan> plans(UUID patientId) {
        return jdbc.sql("""
                SELECT id, procedure_id, patient_id, modality, protocol_version, performed_on, treatment_number, created_at
                FROM follow_up_plan WHERE patient_id = ?
                ORDER BY performed_on, id""")
                .param(patientId)
                .query((rs, row) -> new RecordedPlan(uuid(rs, "id"), uuid(rs, "procedure_id"), uuid(rs, "patient_id"),
                        rs.getString("modality"), rs.getInt("protocol_version"), day(rs, "performed_on"),
                        rs.getInt("treatment_number"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The patient's visits in due order, each with its reschedules in the order they were made. */
    List<RecordedVisit> visits(UUID patientId) {
        Map<UUID, List<Reschedule>> moves = jdbc.sql("""
                SELECT visit_id, from_due_on, to_due_on, reason FROM visit_reschedule WHERE patient_id = ?
                ORDER BY rescheduled_at, id""")
                .param(patientId)
                .query((rs, row) -> new Reschedule(uuid(rs, "visit_id"), day(rs, "from_due_on"), day(rs, "to_due_on"),
                        rs.getString("reason")))
                .list().stream()
                .collect(Collectors.groupingBy(Reschedule::visitId));
        return jdbc.sql("""
                SELECT v.id, v.plan_id, v.procedure_id, v.patient_id, v.modality, v.label, v.kind, v.due_on,
                       v.window_start, v.window_end, v.state, v.cancelled_by_procedure_id, o.assessed_on
                FROM follow_up_visit v LEFT JOIN follow_up_outcome o ON o.visit_id = v.id
                WHERE v.patient_id = ?
                ORDER BY v.due_on, v.id""")
                .param(patientId)
                .query((rs, row) -> new RecordedVisit(uuid(rs, "id"), uuid(rs, "plan_id"), uuid(rs, "procedure_id"),
                        uuid(rs, "patient_id"), rs.getString("modality"), rs.getString("label"), rs.getString("kind"),
                        day(rs, "due_on"), day(rs, "window_start"), day(rs, "window_end"), rs.getString("state"),
                        uuid(rs, "cancelled_by_procedure_id"), day(rs, "assessed_on"), List.of()))
                .list().stream()
                .map(visit -> visit.withReschedules(moves.getOrDefault(visit.id(), List.of())))
                .toList();
    }

    List<RecordedCandidate> repeatCandidates(UUID patientId) {
        return jdbc.sql("""
                SELECT c.id, c.plan_id, c.procedure_id, c.patient_id, c.visit_id, p.modality, c.reasons, c.created_at,
                       c.status
                FROM repeat_candidate c JOIN follow_up_plan p ON p.id = c.plan_id
                WHERE c.patient_id = ?
                ORDER BY c.created_at, c.id""")
                .param(patientId)
                .query((rs, row) -> new RecordedCandidate(uuid(rs, "id"), uuid(rs, "plan_id"), uuid(rs, "procedure_id"),
                        uuid(rs, "patient_id"), uuid(rs, "visit_id"), rs.getString("modality"),
                        texts(rs.getArray("reasons")), rs.getTimestamp("created_at").toInstant(), rs.getString("status")))
                .list();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }
}
