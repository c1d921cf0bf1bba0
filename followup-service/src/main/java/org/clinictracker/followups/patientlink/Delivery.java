package org.clinictracker.followups.patientlink;

/** How the link reaches the patient: e-mailed, or shown once to the coordinator for a tablet in the clinic. */
public enum Delivery {
    EMAIL,
    IN_CLINIC
}
