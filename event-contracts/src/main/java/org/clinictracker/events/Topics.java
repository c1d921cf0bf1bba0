package org.clinictracker.events;

/** The clinic's Kafka topics; versioned so that a breaking change gets a new topic. */
public final class Topics {

    public static final String PATIENTS = "clinic.patients.v1";
    public static final String PROCEDURES = "clinic.procedures.v1";
    public static final String FOLLOWUPS = "clinic.followups.v1";

    private Topics() {
    }
}
