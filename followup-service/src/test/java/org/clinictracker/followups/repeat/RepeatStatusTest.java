package org.clinictracker.followups.repeat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepeatStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "OPEN, CONSULT_BOOKED, true", "OPEN, DISMISSED, true",
            "CONSULT_BOOKED, DISMISSED, true", "CONSULT_BOOKED, CONSULT_BOOKED, false",
            "DISMISSED, CONSULT_BOOKED, false", "DISMISSED, DISMISSED, false",
            "REPEATED, CONSULT_BOOKED, false", "REPEATED, DISMISSED, false" })
    void a_coordinator_books_or_dismisses_an_open_candidate_and_may_still_dismiss_a_booked_one(RepeatStatus from,
            DecisionAction action, boolean allowed) {
        assertThat(from.allows(action)).isEqualTo(allowed);
    }
}
