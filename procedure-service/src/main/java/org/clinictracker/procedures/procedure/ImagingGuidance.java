package org.clinictracker.procedures.procedure;

public enum ImagingGuidance {
    ULTRASOUND,
    FLUOROSCOPY,
    CT,
    LANDMARK
}
