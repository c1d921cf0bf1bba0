package org.clinictracker.followups.patientlink;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patient links ({@code patient_link}), found by the hash of their token or by their visit. */
@Repository
public class PatientLinkRepository {

    private static final String VISIT_FOR_LINK = """
            SELECT v.id, v.patient_id, v.state, v.window_start, v.due_on, v.last_day, k.given_name, k.email
            FROM follow_up_visit v LEFT JOIN known_patient k ON k.id = v.patient_id""";

    private static final String LINK_COLUMNS = """
            id, visit_id, patient_id, delivery, issued_by, issued_at, expires_at, sent_at, send_failed_at, sent_to,
            opened_at, answered_at, revoked_at""";

    private final JdbcClient jdbc;

    PatientLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The link with this token hash, its row locked until the caller's transaction ends: opening and answering one
     * link happen one after the other, so a link is answered once. Its visit is locked first, the order in which
     * issuing a link and recording an outcome lock them (visit, then link), so none of them deadlock another.
     */
    public Optional<LinkOnRecord> lockByTokenHash(String hash) {
        Optional<UUID> visitId = jdbc.sql("SELECT visit_id FROM patient_link WHERE token_hash = ?")
                .param(hash).query(UUID.class).optional();
        if (visitId.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("SELECT id FROM follow_up_visit WHERE id = ? FOR UPDATE").param(visitId.get()).query(UUID.class).list();
        return jdbc.sql("""
                SELECT l.id, l.visit_id, l.patient_id, v.state, l.expires_at, l.opened_at, l.answered_at,
                       l.revoked_at, k.given_name, v.due_on
                FROM patient_link l JOIN follow_up_visit v ON v.id = l.visit_id
                LEFT JOIN known_patient k ON k.id = l.patient_id
                WHERE l.token_hash = ? FOR UPDATE OF l""")
                .param(hash)
                .query((rs, row) -> new LinkOnRecord(rs.getObject("id", UUID.class),
                        rs.getObject("visit_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getString("state"), instant(rs, "expires_at"), instant(rs, "opened_at"),
                        instant(rs, "answered_at"), instant(rs, "revoked_at"), rs.getString("given_name"),
                        rs.getObject("due_on", LocalDate.class)))
                .optional();
    }

    /**
     * The patient's answers are stored: the link is used up. Called in the transaction that locked it through
     * {@link PatientLinkGate} (so it was not revoked then). Recording the outcome in that same transaction revokes
     * the visit's unanswered links, this one included: revoked_at is cleared here, so the link reads as answered,
     * not replaced, whichever of the two steps runs first.
     */
    public void markAnswered(UUID linkId, Instant at) {
        jdbc.sql("UPDATE patient_link SET answered_at = ?, revoked_at = NULL WHERE id = ? AND answered_at IS NULL")
                .param(Timestamp.from(at)).param(linkId).update();
    }

    /** The first opening only: later ones keep the first time. */
    void markOpened(UUID linkId, Instant at) {
        jdbc.sql("UPDATE patient_link SET opened_at = ? WHERE id = ? AND opened_at IS NULL")
                .param(Timestamp.from(at)).param(linkId).update();
    }

    /** What issuing a link needs of its visit and patient. */
    record VisitForLink(UUID visitId, UUID patientId, String state, LocalDate windowStart, LocalDate dueOn,
            LocalDate lastDay, String givenName, String email) {
    }

    /** The visit, locked: two coordinators issuing a link for it at once issue one after the other. */
    Optional<VisitForLink> lockVisit(UUID visitId) {
        return jdbc.sql(VISIT_FOR_LINK + " WHERE v.id = ? FOR UPDATE OF v")
                .param(visitId)
                .query((rs, row) -> visitForLink(rs))
                .optional();
    }

    /**
     * Open visits whose window has started and whose last day has not passed, that never had a link, of patients
     * with an e-mail address who are not lost to follow-up: what the automatic sender e-mails. Locked, skipping
     * visits another instance is handling.
     */
    List<VisitForLink> lockDueForAutoSend(LocalDate today, int limit) {
        return jdbc.sql(VISIT_FOR_LINK + " " + """
                 WHERE v.state = 'OPEN' AND v.window_start <= ? AND v.last_day >= ?
                   AND k.email IS NOT NULL AND btrim(k.email) <> '' AND k.lost_to_follow_up_since IS NULL
                   AND NOT EXISTS (SELECT 1 FROM patient_link l WHERE l.visit_id = v.id)
                 ORDER BY v.window_start, v.id LIMIT ? FOR UPDATE OF v SKIP LOCKED""")
                .param(Date.valueOf(today)).param(Date.valueOf(today)).param(limit)
                .query((rs, row) -> visitForLink(rs))
                .list();
    }

    /** Whether the visit ever had a link, as committed now (a statement of its own, so a fresh snapshot). */
    boolean anyFor(UUID visitId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM patient_link WHERE visit_id = ?)").param(visitId)
                .query(Boolean.class).single();
    }

    void insert(UUID id, UUID visitId, UUID patientId, String tokenHash, Delivery delivery, String issuedBy,
            Instant issuedAt, Instant expiresAt, String sentTo) {
        jdbc.sql("""
                INSERT INTO patient_link (id, visit_id, patient_id, token_hash, delivery, issued_by, issued_at,
                    expires_at, sent_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(id).param(visitId).param(patientId).param(tokenHash).param(delivery.name()).param(issuedBy)
                .param(Timestamp.from(issuedAt)).param(Timestamp.from(expiresAt)).param(sentTo)
                .update();
    }

    /** Revokes the visit's link that was not answered, if any; true when there was one. */
    boolean revokeUnanswered(UUID visitId, Instant at) {
        return jdbc.sql("""
                UPDATE patient_link SET revoked_at = ?
                WHERE visit_id = ? AND revoked_at IS NULL AND answered_at IS NULL""")
                .param(Timestamp.from(at)).param(visitId).update() > 0;
    }

    /**
     * Revokes the unanswered links of the plan's visits that are no longer open (cancelled by an amendment or a
     * repeat treatment, or documented): nothing is left for the patient to answer there.
     */
    void revokeUnansweredOfClosedVisits(UUID planId, Instant at) {
        jdbc.sql("""
                UPDATE patient_link l SET revoked_at = ?
                FROM follow_up_visit v
                WHERE v.id = l.visit_id AND v.plan_id = ? AND v.state <> 'OPEN'
                  AND l.revoked_at IS NULL AND l.answered_at IS NULL""")
                .param(Timestamp.from(at)).param(planId).update();
    }

    void markSent(UUID linkId, Instant at) {
        jdbc.sql("UPDATE patient_link SET sent_at = ? WHERE id = ?").param(Timestamp.from(at)).param(linkId).update();
    }

    /** The message did not leave: the link is revoked too, so nothing usable exists that the patient never got. */
    void markSendFailed(UUID linkId, Instant at) {
        jdbc.sql("""
                UPDATE patient_link SET send_failed_at = ?, revoked_at = coalesce(revoked_at, ?)
                WHERE id = ? AND answered_at IS NULL""")
                .param(Timestamp.from(at)).param(Timestamp.from(at)).param(linkId).update();
    }

    /** The visit's newest link, whatever became of it. */
    Optional<LinkRow> current(UUID visitId) {
        return jdbc.sql("SELECT " + LINK_COLUMNS + " " + """
                 FROM patient_link WHERE visit_id = ?
                 ORDER BY issue_order DESC LIMIT 1""")
                .param(visitId)
                .query((rs, row) -> linkRow(rs))
                .optional();
    }

    /** The current link of each of these visits that has one (for a worklist page). */
    List<LinkRow> currentOf(List<UUID> visitIds) {
        if (visitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT ON (visit_id) " + LINK_COLUMNS + " " + """
                 FROM patient_link WHERE visit_id = ANY(?)
                 ORDER BY visit_id, issue_order DESC""")
                .param(visitIds.toArray(UUID[]::new))
                .query((rs, row) -> linkRow(rs))
                .list();
    }

    /** One stored link, everything but its hash. {@code sentTo} is the masked address. */
    record LinkRow(UUID id, UUID visitId, UUID patientId, Delivery delivery, String issuedBy, Instant issuedAt,
            Instant expiresAt, Instant sentAt, Instant sendFailedAt, String sentTo, Instant openedAt,
            Instant answeredAt, Instant revokedAt) {
    }

    private static LinkRow linkRow(ResultSet rs) throws SQLException {
        return new LinkRow(rs.getObject("id", UUID.class), rs.getObject("visit_id", UUID.class),
                rs.getObject("patient_id", UUID.class), Delivery.valueOf(rs.getString("delivery")),
                rs.getString("issued_by"), instant(rs, "issued_at"), instant(rs, "expires_at"),
                instant(rs, "sent_at"), instant(rs, "send_failed_at"), rs.getString("sent_to"),
                instant(rs, "opened_at"), instant(rs, "answered_at"), instant(rs, "revoked_at"));
    }

    private static VisitForLink visitForLink(ResultSet rs) throws SQLException {
        return new VisitForLink(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("state"), rs.getObject("window_start", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getString("given_name"), rs.getString("email"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
