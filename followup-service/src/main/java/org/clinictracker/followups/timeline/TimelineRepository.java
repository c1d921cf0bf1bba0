package org.clinictracker.followups.timeline;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.followups.relief.ExpectedReliefEnd;
import org.clinictracker.followups.relief.NoEstimate;
import org.clinictracker.followups.relief.ReliefBasis;
import org.clinictracker.followups.timeline.TimelineEntry.Ids;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a patient's rows from each table that has some, each through an index that starts with patient_id, so a
 * timeline costs a handful of index lookups however large the tables grow.
 */
@Repository
class TimelineRepository {

    private static final TypeReference<List<TreatedTarget>> TARGETS = new TypeReference<>() { };

    record Patient(UUID id, String mrn, String displayName, LocalDate lostToFollowUpSince) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ClinicCalendar calendar;

    TimelineRepository(JdbcClient jdbc, JsonMapper json, ClinicCalendar calendar) {
        this.jdbc = jdbc;
        this.json = json;
        this.calendar = calendar;
    }

    Optional<Patient> patient(UUID patientId) {
        return jdbc.sql("SELECT id, mrn, display_name, lost_to_follow_up_since FROM known_patient WHERE id = ?")
                .param(patientId)
                .query((rs, row) -> new Patient(patientId, rs.getString("mrn"), rs.getString("display_name"),
                        day(rs, "lost_to_follow_up_since")))
                .optional();
    }

    List<TimelineEntry> procedures(UUID patientId) {
        return jdbc.sql("""
                SELECT id, performed_at, modality, indication_code, targets::text AS targets, pain_before,
                       treatment_number, previous_procedure_id, early_repeat
                FROM known_procedure WHERE patient_id = ?""")
                .param(patientId)
                .query((rs, row) -> {
                    Instant performedAt = rs.getTimestamp("performed_at").toInstant();
                    return TimelineEntry.atInstant(performedAt, calendar.dayOf(performedAt), TimelineKind.PROCEDURE,
                            new Ids(uuid(rs, "id"), null, null, null, null),
                            new TimelineDetails.Procedure(rs.getString("modality"), rs.getString("indication_code"),
                                    json.readValue(rs.getString("targets"), TARGETS), integer(rs, "pain_before"),
                                    rs.getInt("treatment_number"), uuid(rs, "previous_procedure_id"),
                                    rs.getBoolean("early_repeat")));
                })
                .list();
    }

    /** Plans, dated on the day of their procedure (a late entry's plan belongs there, not on the day it was typed). */
    List<TimelineEntry> plans(UUID patientId) {
        return jdbc.sql("""
                SELECT p.*, EXISTS (SELECT 1 FROM follow_up_plan n WHERE n.previous_procedure_id = p.procedure_id) AS repeated
                FROM follow_up_plan p WHERE p.patient_id = ?""")
                .param(patientId)
                .query((rs, row) -> {
                    LocalDate performedOn = day(rs, "performed_on");
                    ExpectedReliefEnd estimate = estimate(rs);
                    Modality modality = Modality.valueOf(rs.getString("modality"));
                    NoEstimate none = NoEstimate.of(modality, day(rs, "responder_since"), day(rs, "relief_ended_on"),
                            rs.getBoolean("repeated"), estimate != null);
                    return TimelineEntry.onDay(performedOn, TimelineKind.PLAN,
                            new Ids(uuid(rs, "procedure_id"), uuid(rs, "id"), null, null, null),
                            new TimelineDetails.Plan(modality.name(), rs.getInt("protocol_version"), performedOn,
                                    rs.getInt("treatment_number"), uuid(rs, "previous_procedure_id"),
                                    integer(rs, "baseline_pain_score"), rs.getTimestamp("created_at").toInstant(),
                                    day(rs, "responder_since"), integer(rs, "best_pain_score"),
                                    day(rs, "relief_ended_on"), estimate, none));
                })
                .list();
    }

    /** Visits on their due day, with the status they have today. */
    List<TimelineEntry> visits(UUID patientId, LocalDate today) {
        return jdbc.sql("""
                SELECT id, plan_id, procedure_id, label, kind, due_on, window_start, window_end, state, assignee,
                       rescheduled_count, missed_on
                FROM follow_up_visit WHERE patient_id = ?""")
                .param(patientId)
                .query((rs, row) -> {
                    LocalDate dueOn = day(rs, "due_on");
                    LocalDate windowStart = day(rs, "window_start");
                    return TimelineEntry.onDay(dueOn, TimelineKind.VISIT,
                            new Ids(uuid(rs, "procedure_id"), uuid(rs, "plan_id"), uuid(rs, "id"), null, null),
                            new TimelineDetails.Visit(rs.getString("label"), rs.getString("kind"),
                                    VisitStatus.of(rs.getString("state"), windowStart, dueOn, today), dueOn, windowStart,
                                    day(rs, "window_end"), rs.getString("assignee"), rs.getInt("rescheduled_count"),
                                    day(rs, "missed_on")));
                })
                .list();
    }

    List<TimelineEntry> outcomes(UUID patientId) {
        return jdbc.sql("""
                SELECT visit_id, plan_id, procedure_id, assessed_on, pain_score, relief_percent, function_instrument,
                       function_value, opioid_mme_per_day, satisfaction, sensation_returned, documented_late, responder,
                       waning_relief, waning_reasons, recorded_by, recorded_at
                FROM follow_up_outcome WHERE patient_id = ?""")
                .param(patientId)
                .query((rs, row) -> {
                    LocalDate assessedOn = day(rs, "assessed_on");
                    String instrument = rs.getString("function_instrument");
                    return TimelineEntry.onDay(assessedOn, TimelineKind.OUTCOME,
                            new Ids(uuid(rs, "procedure_id"), uuid(rs, "plan_id"), uuid(rs, "visit_id"), null, null),
                            new TimelineDetails.Outcome(assessedOn, integer(rs, "pain_score"), integer(rs, "relief_percent"),
                                    instrument == null ? null
                                            : new TimelineDetails.FunctionScore(instrument, rs.getBigDecimal("function_value")),
                                    rs.getBigDecimal("opioid_mme_per_day"), integer(rs, "satisfaction"),
                                    rs.getObject("sensation_returned", Boolean.class),
                                    rs.getObject("responder", Boolean.class), rs.getBoolean("waning_relief"),
                                    texts(rs.getArray("waning_reasons")), rs.getBoolean("documented_late"),
                                    rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()));
                })
                .list();
    }

    /** Complications reported on the procedure record and those noticed at a visit here, on their onset day. */
    List<TimelineEntry> adverseEvents(UUID patientId) {
        return jdbc.sql("""
                SELECT id, procedure_id, NULL::uuid AS visit_id, 'PROCEDURE_RECORD' AS source, type, NULL AS description,
                       severity, serious, onset_on, outcome, resolved_on
                FROM known_adverse_event WHERE patient_id = :patientId
                UNION ALL
                SELECT id, procedure_id, visit_id, 'FOLLOW_UP_VISIT', type, description, severity, serious, onset_on,
                       outcome, resolved_on
                FROM observed_adverse_event WHERE patient_id = :patientId""")
                .param("patientId", patientId)
                .query((rs, row) -> TimelineEntry.onDay(day(rs, "onset_on"), TimelineKind.ADVERSE_EVENT,
                        new Ids(uuid(rs, "procedure_id"), null, uuid(rs, "visit_id"), uuid(rs, "id"), null),
                        new TimelineDetails.AdverseEvent(rs.getString("source"), rs.getString("type"),
                                rs.getString("description"), rs.getString("severity"), rs.getBoolean("serious"),
                                day(rs, "onset_on"), rs.getString("outcome"), day(rs, "resolved_on"))))
                .list();
    }

    List<TimelineEntry> reschedules(UUID patientId) {
        return jdbc.sql("""
                SELECT r.visit_id, v.plan_id, v.procedure_id, r.from_due_on, r.to_due_on, r.reason, r.rescheduled_by,
                       r.rescheduled_at
                FROM visit_reschedule r JOIN follow_up_visit v ON v.id = r.visit_id
                WHERE r.patient_id = ?""")
                .param(patientId)
                .query((rs, row) -> {
                    Instant at = rs.getTimestamp("rescheduled_at").toInstant();
                    return TimelineEntry.atInstant(at, calendar.dayOf(at), TimelineKind.RESCHEDULE,
                            new Ids(uuid(rs, "procedure_id"), uuid(rs, "plan_id"), uuid(rs, "visit_id"), null, null),
                            new TimelineDetails.Reschedule(day(rs, "from_due_on"), day(rs, "to_due_on"),
                                    rs.getString("reason"), rs.getString("rescheduled_by")));
                })
                .list();
    }

    List<TimelineEntry> repeatCandidates(UUID patientId) {
        return jdbc.sql("""
                SELECT id, plan_id, procedure_id, visit_id, reasons, created_at, status, decided_by, decided_at,
                       decision_reason, repeat_procedure_id
                FROM repeat_candidate WHERE patient_id = ?""")
                .param(patientId)
                .query((rs, row) -> {
                    Instant at = rs.getTimestamp("created_at").toInstant();
                    java.sql.Timestamp decidedAt = rs.getTimestamp("decided_at");
                    return TimelineEntry.atInstant(at, calendar.dayOf(at), TimelineKind.REPEAT_CANDIDATE,
                            new Ids(uuid(rs, "procedure_id"), uuid(rs, "plan_id"), uuid(rs, "visit_id"), null,
                                    uuid(rs, "id")),
                            new TimelineDetails.RepeatCandidate(texts(rs.getArray("reasons")), rs.getString("status"),
                                    rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
                                    rs.getString("decision_reason"), uuid(rs, "repeat_procedure_id")));
                })
                .list();
    }

    private static ExpectedReliefEnd estimate(ResultSet rs) throws SQLException {
        LocalDate likely = day(rs, "expected_relief_end");
        if (likely == null) {
            return null;
        }
        return new ExpectedReliefEnd(likely, day(rs, "expected_relief_earliest"), day(rs, "expected_relief_latest"),
                ReliefBasis.valueOf(rs.getString("expected_relief_basis")),
                rs.getObject("expected_relief_sample", Integer.class));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
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
