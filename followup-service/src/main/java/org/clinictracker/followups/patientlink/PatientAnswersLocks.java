package org.clinictracker.followups.patientlink;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the locks of a patient's submission in the order a coordinator's entry takes them: the visit first, then
 * its link. A coordinator documenting the visit locks the visit and then revokes its link; a submission locking the
 * link first and the visit second could deadlock with it (one of the two would fail with a server error).
 */
@Repository
class PatientAnswersLocks {

    private final JdbcClient jdbc;

    PatientAnswersLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the visit of the link with this token hash, if there is one; the link itself is locked by the gate. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockVisitOf(String tokenHash) {
        jdbc.sql("""
                SELECT v.id FROM follow_up_visit v JOIN patient_link l ON l.visit_id = v.id
                WHERE l.token_hash = ? FOR UPDATE OF v""")
                .param(tokenHash).query(Object.class).list();
    }
}
