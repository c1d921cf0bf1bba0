package org.clinictracker.procedures.procedure;

public enum RfaVariant {
    CONVENTIONAL,
    COOLED,
    PULSED
}
