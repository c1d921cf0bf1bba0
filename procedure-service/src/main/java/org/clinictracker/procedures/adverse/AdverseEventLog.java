package org.clinictracker.procedures.adverse;

import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.events.EventEnvelope;
import org.clinictracker.events.procedures.AdverseEventReported;
import org.clinictracker.events.procedures.AdverseEventUpdated;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Complications of procedures (tables {@code adverse_event} and {@code adverse_event_version}):
 * reported with the procedure or later, or noticed at a follow-up visit; their course updated over time, every
 * state kept.
 */
@Service
public class AdverseEventLog {

    private static final String COLUMNS = """
            id, procedure_id, patient_id, version, type, description, severity, serious, onset_on, outcome,
            resolved_on, notes, reported_at, reported_by, updated_at, updated_by, source, follow_up_visit_id, observation_id""";

    private static final String INSERT = "INSERT INTO adverse_event (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;

    public AdverseEventLog(JdbcClient jdbc, JsonMapper json, AuditTrail audit, EventOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The procedure an adverse event belongs to, as far as the rules need it. */
    public record ProcedureRef(UUID id, UUID patientId, Instant performedAt) {
    }

    /** Reports complications in the caller's transaction, e.g. together with the procedure itself. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AdverseEvent> report(ProcedureRef procedure, List<AdverseEventReport> reports, String fieldPrefix) {
        List<FieldError> violations = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            violations.addAll(check(reports.get(i), procedure, fieldPrefix + (fieldPrefix.isEmpty() ? "" : "[" + i + "].")));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolations(violations);
        }
        Instant now = Instant.now(clock);
        String clinician = Clinician.current().username();
        List<AdverseEvent> reported = new ArrayList<>();
        for (AdverseEventReport report : reports) {
            AdverseEvent event = newEvent(procedure, report, now, clinician, AdverseEventSource.PROCEDURALIST, null, null);
            jdbc.sql(INSERT).params(columnValues(event)).update();
            announce(event, "adverse event " + event.id());
            reported.add(event);
        }
        return reported;
    }

    /**
     * Attaches, in the caller's transaction, a complication noticed at follow-up visit {@code visitId}: the
     * service itself reports it, from followup-service's observation {@code observationId}. Empty when that
     * observation is on the record already (it is attached once, whatever event carried it). The caller has
     * checked the report against the procedure ({@link #violations}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AdverseEvent> attachNoticedAtFollowUp(ProcedureRef procedure, AdverseEventReport report,
            UUID visitId, UUID observationId) {
        Instant now = Instant.now(clock);
        String system = Clinician.SYSTEM.username();
        AdverseEvent event = newEvent(procedure, report, now, system, AdverseEventSource.FOLLOW_UP, visitId,
                observationId);
        if (jdbc.sql(INSERT + " ON CONFLICT (observation_id) DO NOTHING").params(columnValues(event)).update() == 0) {
            return Optional.empty();
        }
        announce(event, "adverse event " + event.id() + " noticed at follow-up visit " + visitId);
        return Optional.of(event);
    }

    /** The procedure, if this service has it. */
    public Optional<ProcedureRef> procedure(UUID procedureId) {
        return jdbc.sql("SELECT id, patient_id, performed_at FROM procedure WHERE id = ?")
                .param(procedureId)
                .query((rs, row) -> new ProcedureRef(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getTimestamp("performed_at").toInstant()))
                .optional();
    }

    /** What the report gets wrong about the procedure's complication, beyond bean validation; empty if nothing. */
    public static List<FieldError> violations(AdverseEventReport report, ProcedureRef procedure) {
        return check(report, procedure, "");
    }

    private static AdverseEvent newEvent(ProcedureRef procedure, AdverseEventReport report, Instant now, String by,
            AdverseEventSource source, UUID visitId, UUID observationId) {
        return new AdverseEvent(UUID.randomUUID(), procedure.id(), procedure.patientId(), 0, report.type(),
                report.description(), report.severity(), report.serious(), report.onsetOn(), report.outcome(),
                report.resolvedOn(), report.notes(), now, by, now, by, source, visitId, observationId);
    }

    /** Keeps the first version, audits the report and publishes it, with the inserted row. */
    private void announce(AdverseEvent event, String resource) {
        keepVersion(event);
        audit.record(event.patientId(), "ADVERSE_EVENT_REPORTED", resource);
        outbox.append(EventEnvelope.of(event.patientId(), new AdverseEventReported(event.id(), event.procedureId(),
                event.patientId(), event.type().name(), event.severity().name(), event.serious(), event.onsetOn(),
                event.outcome().name(), event.resolvedOn(), event.version(), event.source().name(),
                event.observationId()), event.reportedAt()));
    }

    /** A complication noticed after the procedure was logged. */
    @Transactional
    public AdverseEvent reportLater(UUID procedureId, AdverseEventReport report) {
        return report(procedureRef(procedureId), List.of(report), "").get(0);
    }

    /** A new state of a reported complication, made on {@code expectedVersion}; the old state stays readable. */
    @Transactional
    public AdverseEvent update(UUID procedureId, UUID adverseEventId, int expectedVersion, AdverseEventReport report) {
        ProcedureRef procedure = procedureRef(procedureId);
        AdverseEvent current = find(procedure.id(), adverseEventId);
        if (current.version() != expectedVersion) {
            throw ProblemException.staleVersion(expectedVersion, current.version());
        }
        List<FieldError> violations = check(report, procedure, "");
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolations(violations);
        }
        Instant now = Instant.now(clock);
        AdverseEvent updated = new AdverseEvent(current.id(), current.procedureId(), current.patientId(),
                current.version() + 1, report.type(), report.description(), report.severity(), report.serious(),
                report.onsetOn(), report.outcome(), report.resolvedOn(), report.notes(), current.reportedAt(),
                current.reportedBy(), now, Clinician.current().username(), current.source(), current.visitId(),
                current.observationId());
        int rows = jdbc.sql("""
                UPDATE adverse_event SET version = ?, type = ?, description = ?, severity = ?, serious = ?, onset_on = ?,
                    outcome = ?, resolved_on = ?, notes = ?, updated_at = ?, updated_by = ?
                WHERE id = ? AND version = ?""")
                .param(updated.version()).param(updated.type().name()).param(updated.description())
                .param(updated.severity().name()).param(updated.serious()).param(updated.onsetOn())
                .param(updated.outcome().name()).param(updated.resolvedOn()).param(updated.notes())
                .param(Timestamp.from(now)).param(updated.updatedBy()).param(updated.id()).param(expectedVersion)
                .update();
        if (rows != 1) {
            throw ProblemException.staleVersion(expectedVersion, find(procedure.id(), adverseEventId).version());
        }
        keepVersion(updated);
        audit.record(updated.patientId(), "ADVERSE_EVENT_UPDATED", "adverse event " + updated.id());
        outbox.append(EventEnvelope.of(updated.patientId(), new AdverseEventUpdated(updated.id(), updated.procedureId(),
                updated.patientId(), updated.type().name(), updated.severity().name(), updated.serious(),
                updated.onsetOn(), updated.outcome().name(), updated.resolvedOn(), updated.version()), now));
        return updated;
    }

    /** Every state the complication has been in, oldest first. */
    @Transactional
    public List<AdverseEvent> history(UUID procedureId, UUID adverseEventId) {
        AdverseEvent current = find(procedureId, adverseEventId);
        audit.record(current.patientId(), "ADVERSE_EVENT_HISTORY_READ", "adverse event " + adverseEventId);
        return jdbc.sql("SELECT record::text AS record FROM adverse_event_version WHERE adverse_event_id = ? ORDER BY version")
                .param(adverseEventId)
                .query((rs, row) -> json.readValue(rs.getString("record"), AdverseEvent.class))
                .list();
    }

    @Transactional(readOnly = true)
    public List<AdverseEvent> forProcedure(UUID procedureId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM adverse_event WHERE procedure_id = ? ORDER BY onset_on, reported_at")
                .param(procedureId).query(this::mapRow).list();
    }

    /** The adverse events of many procedures at once, for lists. */
    @Transactional(readOnly = true)
    public Map<UUID, List<AdverseEvent>> forProcedures(Collection<UUID> procedureIds) {
        if (procedureIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM adverse_event WHERE procedure_id IN (:ids) ORDER BY onset_on, reported_at")
                .param("ids", List.copyOf(procedureIds)).query(this::mapRow).list().stream()
                .collect(Collectors.groupingBy(AdverseEvent::procedureId));
    }

    private ProcedureRef procedureRef(UUID procedureId) {
        return procedure(procedureId).orElseThrow(() -> ProblemException.notFound("Procedure", procedureId));
    }

    private AdverseEvent find(UUID procedureId, UUID adverseEventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM adverse_event WHERE id = ? AND procedure_id = ?")
                .param(adverseEventId).param(procedureId).query(this::mapRow).optional()
                .orElseThrow(() -> ProblemException.notFound("Adverse event", adverseEventId));
    }

    /** What bean validation cannot say: a resolution date needs a resolved outcome and cannot precede the onset. */
    private static List<FieldError> check(AdverseEventReport report, ProcedureRef procedure, String prefix) {
        List<FieldError> violations = new ArrayList<>();
        boolean resolved = report.outcome() == AdverseEventOutcome.RESOLVED
                || report.outcome() == AdverseEventOutcome.RESOLVED_WITH_SEQUELAE;
        if (report.resolvedOn() != null && !resolved) {
            violations.add(new FieldError(prefix + "resolvedOn", "is only given for a resolved outcome"));
        }
        if (report.resolvedOn() != null && report.resolvedOn().isBefore(report.onsetOn())) {
            violations.add(new FieldError(prefix + "resolvedOn", "cannot be before the onset (" + report.onsetOn() + ")"));
        }
        LocalDate procedureDay = procedure.performedAt().atZone(ZoneOffset.UTC).toLocalDate();
        // A day's slack: the procedure time is UTC, the onset date is the clinic's local date.
        if (report.onsetOn().isBefore(procedureDay.minusDays(1))) {
            violations.add(new FieldError(prefix + "onsetOn", "cannot be before the procedure (" + procedureDay + ")"));
        }
        if (report.type() == AdverseEventType.OTHER && (report.description() == null || report.description().isBlank())) {
            violations.add(new FieldError(prefix + "description", "must describe the adverse event when the type is OTHER"));
        }
        return violations;
    }

    private void keepVersion(AdverseEvent event) {
        jdbc.sql("INSERT INTO adverse_event_version (adverse_event_id, version, record, author, at) VALUES (?, ?, CAST(? AS jsonb), ?, ?)")
                .param(event.id()).param(event.version()).param(json.writeValueAsString(event))
                .param(event.updatedBy()).param(Timestamp.from(event.updatedAt()))
                .update();
    }

    private static List<Object> columnValues(AdverseEvent e) {
        return Arrays.asList(e.id(), e.procedureId(), e.patientId(), e.version(), e.type().name(), e.description(),
                e.severity().name(), e.serious(), e.onsetOn(), e.outcome().name(), e.resolvedOn(), e.notes(),
                Timestamp.from(e.reportedAt()), e.reportedBy(), Timestamp.from(e.updatedAt()), e.updatedBy(),
                e.source().name(), e.visitId(), e.observationId());
    }

    private AdverseEvent mapRow(ResultSet rs, int row) throws SQLException {
        return new AdverseEvent(rs.getObject("id", UUID.class), rs.getObject("procedure_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getInt("version"), AdverseEventType.valueOf(rs.getString("type")),
                rs.getString("description"), Severity.valueOf(rs.getString("severity")), rs.getBoolean("serious"),
                rs.getObject("onset_on", LocalDate.class), AdverseEventOutcome.valueOf(rs.getString("outcome")),
                rs.getObject("resolved_on", LocalDate.class), rs.getString("notes"),
                rs.getTimestamp("reported_at").toInstant(), rs.getString("reported_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
                AdverseEventSource.valueOf(rs.getString("source")), rs.getObject("follow_up_visit_id", UUID.class),
                rs.getObject("observation_id", UUID.class));
    }
}
