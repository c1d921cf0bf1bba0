package org.clinictracker.followups.patientlink;

import java.time.LocalDate;

/**
 * What a message to a patient carries: where it goes, how to greet them, the link, the last day it works. No
 * clinical detail (procedure, nerve, pain): a message can be read by whoever sees the patient's inbox or phone.
 */
public record PatientLinkMessage(String to, String givenName, String link, LocalDate expiresOn) {

    @Override
    public String toString() {
        return "PatientLinkMessage[expiresOn=" + expiresOn + "]"; // neither address nor link reaches a log
    }
}
