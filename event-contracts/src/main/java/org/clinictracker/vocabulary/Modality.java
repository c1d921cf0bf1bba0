package org.clinictracker.vocabulary;

/** The procedures the clinic performs and consents are given for. */
public enum Modality {
    CRYONEUROLYSIS,
    RADIOFREQUENCY_ABLATION,
    NERVE_BLOCK
}
