package org.clinictracker.followups.patientlink;

/** No SMTP server is configured: nothing can be sent, links are handed over in the clinic only. */
class NoPatientMessages implements PatientMessages {

    @Override
    public boolean canSend() {
        return false;
    }

    @Override
    public void send(PatientLinkMessage message) {
        throw new IllegalStateException("No way to send messages to patients is configured");
    }
}
