package org.clinictracker.followups.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.clinictracker.followups.worklist.PatientLinkState.State;
import org.junit.jupiter.api.Test;

/** What a coordinator reads from a stored link's times. */
class PatientLinkStateTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-04T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void a_link_handed_over_in_the_clinic_is_issued_and_an_emailed_one_sent() {
        assertThat(PatientLinkState.stateOf(null, null, null, null, null, EXPIRES, NOW)).isEqualTo(State.ISSUED);
        assertThat(PatientLinkState.stateOf(ISSUED, null, null, null, null, EXPIRES, NOW)).isEqualTo(State.SENT);
    }

    @Test
    void opening_and_answering_move_it_on() {
        assertThat(PatientLinkState.stateOf(ISSUED, null, NOW, null, null, EXPIRES, NOW)).isEqualTo(State.OPENED);
        assertThat(PatientLinkState.stateOf(ISSUED, null, NOW, NOW, null, EXPIRES, NOW)).isEqualTo(State.ANSWERED);
    }

    @Test
    void an_answer_stays_answered_after_the_expiry() {
        assertThat(PatientLinkState.stateOf(ISSUED, null, NOW, NOW, null, EXPIRES, EXPIRES.plusSeconds(86_400)))
                .isEqualTo(State.ANSWERED);
    }

    @Test
    void an_unanswered_link_expires_at_its_expiry_not_a_moment_later() {
        assertThat(PatientLinkState.stateOf(ISSUED, null, null, null, null, EXPIRES, EXPIRES.minusMillis(1)))
                .isEqualTo(State.SENT);
        assertThat(PatientLinkState.stateOf(ISSUED, null, null, null, null, EXPIRES, EXPIRES)).isEqualTo(State.EXPIRED);
        assertThat(PatientLinkState.stateOf(ISSUED, null, NOW, null, null, EXPIRES, EXPIRES)).isEqualTo(State.EXPIRED);
    }

    @Test
    void a_withdrawn_link_is_expired_unless_its_email_failed() {
        assertThat(PatientLinkState.stateOf(ISSUED, null, null, null, NOW, EXPIRES, NOW)).isEqualTo(State.EXPIRED);
        // the failed e-mail is withdrawn at once: the coordinator must still read that it failed
        assertThat(PatientLinkState.stateOf(null, ISSUED, null, null, ISSUED, EXPIRES, NOW)).isEqualTo(State.SEND_FAILED);
        assertThat(PatientLinkState.stateOf(null, ISSUED, null, null, ISSUED, EXPIRES, EXPIRES)).isEqualTo(State.SEND_FAILED);
    }
}
