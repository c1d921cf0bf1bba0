package org.clinictracker.vocabulary;

/** The complications the clinic records (domain.md, "Adverse events"); {@code OTHER} needs a description. */
public enum AdverseEventType {
    BRUISING,
    TEMPORARY_NUMBNESS,
    SORENESS,
    SWELLING,
    SKIN_DIMPLING,
    SKIN_DISCOLORATION,
    PROLONGED_NUMBNESS,
    MOTOR_WEAKNESS,
    BLEEDING,
    SUPERFICIAL_INFECTION,
    NEUROMA,
    POST_PROCEDURE_HYPERALGESIA,
    PERMANENT_NERVE_INJURY,
    OTHER
}
