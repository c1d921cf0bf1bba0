package org.clinictracker.vocabulary;

/** Which side of the body: of the pain at intake, of a treated nerve. */
public enum Laterality {
    LEFT,
    RIGHT,
    BILATERAL,
    MIDLINE
}
