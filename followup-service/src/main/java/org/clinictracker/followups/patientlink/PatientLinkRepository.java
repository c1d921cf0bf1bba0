package org.clinictracker.followups.patientlink;

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

    private final JdbcClient jdbc;

    PatientLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The link with this token hash, its row locked until the caller's transaction ends: opening and answering one
     * link happen one after the other, so a link is answered once.
     */
    public Optional<LinkOnRecord> lockByTokenHash(String hash) {
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

    /** The patient's answers are stored: the link is used up. */
    public void markAnswered(UUID linkId, Instant at) {
        jdbc.sql("UPDATE patient_link SET answered_at = ? WHERE id = ? AND answered_at IS NULL")
                .param(Timestamp.from(at)).param(linkId).update();
    }

    /** The first opening only: later ones keep the first time. */
    void markOpened(UUID linkId, Instant at) {
        jdbc.sql("UPDATE patient_link SET opened_at = ? WHERE id = ? AND opened_at IS NULL")
                .param(Timestamp.from(at)).param(linkId).update();
    }

    void insert(UUID id, UUID visitId, UUID patientId, String tokenHash, Delivery delivery, String issuedBy,
            Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO patient_link (id, visit_id, patient_id, token_hash, delivery, issued_by, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(id).param(visitId).param(patientId).param(tokenHash).param(delivery.name()).param(issuedBy)
                .param(Timestamp.from(issuedAt)).param(Timestamp.from(expiresAt))
                .update();
    }

    /** Revokes the visit's link that was not answered, if any; true when there was one. */
    boolean revokeUnanswered(UUID visitId, Instant at) {
        return jdbc.sql("""
                UPDATE patient_link SET revoked_at = ?
                WHERE visit_id = ? AND revoked_at IS NULL AND answered_at IS NULL""")
                .param(Timestamp.from(at)).param(visitId).update() > 0;
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

    /** The visit's newest link, replaced ones only when no newer one exists. */
    Optional<LinkRow> current(UUID visitId) {
        return jdbc.sql("""
                SELECT id, visit_id, patient_id, delivery, issued_by, issued_at, expires_at, sent_at, send_failed_at,
                       opened_at, answered_at, revoked_at
                FROM patient_link WHERE visit_id = ? ORDER BY issued_at DESC, (revoked_at IS NULL) DESC LIMIT 1""")
                .param(visitId)
                .query((rs, row) -> linkRow(rs))
                .optional();
    }

    /** The current link of each visit that has one (for a worklist page). */
    List<LinkRow> currentOf(List<UUID> visitIds) {
        if (visitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT ON (visit_id) id, visit_id, patient_id, delivery, issued_by, issued_at, expires_at,
                       sent_at, send_failed_at, opened_at, answered_at, revoked_at
                FROM patient_link WHERE visit_id = ANY(?)
                ORDER BY visit_id, issued_at DESC, (revoked_at IS NULL) DESC""")
                .param(visitIds.toArray(UUID[]::new))
                .query((rs, row) -> linkRow(rs))
                .list();
    }

    /** One stored link, everything but its hash. */
    record LinkRow(UUID id, UUID visitId, UUID patientId, Delivery delivery, String issuedBy, Instant issuedAt,
            Instant expiresAt, Instant sentAt, Instant sendFailedAt, Instant openedAt, Instant answeredAt,
            Instant revokedAt) {
    }

    private static LinkRow linkRow(ResultSet rs) throws SQLException {
        return new LinkRow(rs.getObject("id", UUID.class), rs.getObject("visit_id", UUID.class),
                rs.getObject("patient_id", UUID.class), Delivery.valueOf(rs.getString("delivery")),
                rs.getString("issued_by"), instant(rs, "issued_at"), instant(rs, "expires_at"), instant(rs, "sent_at"),
                instant(rs, "send_failed_at"), instant(rs, "opened_at"), instant(rs, "answered_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
