package org.clinictracker.web.answer;

import java.time.Instant;
import java.time.LocalDate;

/** What followup-service tells the page about an opened link: the patient's first name and the visit's day. */
record LinkOpened(String givenName, LocalDate visitDate, Instant expiresAt) {
}
