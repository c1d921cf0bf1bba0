package org.clinictracker.procedures.procedure;

public enum BlockPurpose {
    DIAGNOSTIC,
    THERAPEUTIC
}
