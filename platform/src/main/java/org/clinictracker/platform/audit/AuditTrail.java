package org.clinictracker.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.requestid.RequestIdFilter;
import org.clinictracker.platform.security.Clinician;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service's audit trail of patient data (table {@code audit_entry}). Writing requires the caller's
 * transaction, so an entry commits with the read or change it records, or not at all.
 */
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID patientId, String action, String resource) {
        recordAll(List.of(patientId), action, resource);
    }

    /**
     * An entry for an actor who is not the request's signed-in user: the patient answering through a link (an
     * open call, whose anonymous caller {@link Clinician#current()} would not name).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(Clinician actor, UUID patientId, String action, String resource) {
        recordAll(actor, List.of(patientId), action, resource);
    }

    /** One entry per patient, e.g. for each chart a search showed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Collection<UUID> patientIds, String action, String resource) {
        recordAll(Clinician.current(), patientIds, action, resource);
    }

    private void recordAll(Clinician clinician, Collection<UUID> patientIds, String action, String resource) {
        if (patientIds.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(Instant.now(clock));
        String requestId = RequestIdFilter.current();
        jdbcTemplate.batchUpdate("""
                INSERT INTO audit_entry (id, patient_id, actor, role, action, resource, at, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                patientIds.stream()
                        .map(patientId -> new Object[] { UUID.randomUUID(), patientId, clinician.username(),
                                clinician.rolesAsText(), action, resource, at, requestId })
                        .toList());
    }

    /** A page of the patient's trail, newest first; looking at the trail is itself recorded in it. */
    @Transactional
    public PageOf<AuditEntry> forPatient(UUID patientId, PageRequest request) {
        long total = jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ?")
                .param(patientId).query(Long.class).single();
        List<AuditEntry> entries = jdbc.sql("""
                SELECT id, patient_id, actor, role, action, resource, at, request_id
                FROM audit_entry WHERE patient_id = ? ORDER BY at DESC, id LIMIT ? OFFSET ?""")
                .param(patientId).param(request.size()).param(request.offset())
                .query((rs, row) -> new AuditEntry(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getString("actor"), rs.getString("role"), rs.getString("action"), rs.getString("resource"),
                        rs.getTimestamp("at").toInstant(), rs.getString("request_id")))
                .list();
        record(patientId, "AUDIT_TRAIL_READ", "audit trail");
        return PageOf.of(entries, request, total);
    }
}
