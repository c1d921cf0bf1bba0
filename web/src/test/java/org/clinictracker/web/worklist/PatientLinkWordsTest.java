package org.clinictracker.web.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The link's days are the clinic's: an e-mail sent late in the evening in Vienna went out that day, not the next. */
class PatientLinkWordsTest {

    private final PatientLinkWords vienna = new PatientLinkWords(new ClinicCalendar(ZoneId.of("Europe/Vienna")));
    private final PatientLinkWords utc = new PatientLinkWords(new ClinicCalendar(ZoneId.of("UTC")));

    @Test
    void a_day_is_the_clinics_day() {
        Map<String, Object> sentLate = Map.of("state", "SENT", "sentAt", "2026-12-03T23:30:00Z");

        assertThat(vienna.badge(sentLate).words()).isEqualTo("Questions e-mailed 4 Dec");
        assertThat(utc.badge(sentLate).words()).isEqualTo("Questions e-mailed 3 Dec");
    }

    @Test
    void a_link_expiring_at_the_clinics_midnight_expired_on_the_day_before() {
        // the end of 10 December in Vienna is 23:00 UTC
        Map<String, Object> expired = Map.of("state", "EXPIRED", "expiresAt", "2025-12-10T23:00:00Z");

        assertThat(vienna.badge(expired).words()).isEqualTo("Link expired 10 Dec");
        assertThat(vienna.lastDay("2025-12-10T23:00:00Z")).isEqualTo("10 Dec");
    }

    @Test
    void no_link_or_a_replaced_one_says_nothing_and_an_unreadable_time_leaves_the_day_out() {
        assertThat(utc.badge(null)).isNull();
        assertThat(utc.badge(Map.of("state", "REPLACED"))).isNull();
        assertThat(utc.badge(Map.of("state", "OPENED", "openedAt", "yesterday")).words()).isEqualTo("Opened");
    }
}
