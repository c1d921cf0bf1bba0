package org.clinictracker.followups.worklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.followups.worklist.Rescheduling.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of a coordinator's changes to a visit: taking it and moving it (tables follow_up_visit, visit_reschedule). */
@Repository
class VisitChanges {

    private final JdbcClient jdbc;

    VisitChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visit, locked until the transaction ends. */
    Optional<LockedVisit> lock(UUID visitId) {
        return jdbc.sql("""
                SELECT patient_id, state, version, window_start, due_on, window_end FROM follow_up_visit
                WHERE id = :id FOR UPDATE""")
                .param("id", visitId)
                .query((rs, row) -> new LockedVisit(rs.getObject("patient_id", UUID.class), rs.getString("state"),
                        rs.getInt("version"), new Window(rs.getObject("window_start", LocalDate.class),
                                rs.getObject("due_on", LocalDate.class), rs.getObject("window_end", LocalDate.class))))
                .optional();
    }

    void assign(UUID visitId, String username) {
        jdbc.sql("UPDATE follow_up_visit SET assignee = :assignee, version = version + 1 WHERE id = :id")
                .param("assignee", username).param("id", visitId).update();
    }

    /** Moves the visit to {@code moved}, open again, and keeps the move with its reason. */
    void reschedule(UUID visitId, LockedVisit visit, Window moved, String reason, String by, Instant at) {
        jdbc.sql("""
                UPDATE follow_up_visit SET due_on = :dueOn, window_start = :windowStart, window_end = :windowEnd,
                    last_day = :windowEnd, state = 'OPEN', missed_on = NULL,
                    rescheduled_count = rescheduled_count + 1, version = version + 1
                WHERE id = :id""")
                .param("dueOn", moved.dueOn()).param("windowStart", moved.windowStart())
                .param("windowEnd", moved.windowEnd()).param("id", visitId).update();
        jdbc.sql("""
                INSERT INTO visit_reschedule (visit_id, patient_id, from_due_on, to_due_on, reason, rescheduled_by,
                    rescheduled_at)
                VALUES (:visitId, :patientId, :from, :to, :reason, :by, :at)""")
                .param("visitId", visitId).param("patientId", visit.patientId())
                .param("from", visit.window().dueOn()).param("to", moved.dueOn()).param("reason", reason)
                .param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    record LockedVisit(UUID patientId, String state, int version, Window window) {
    }
}
