package org.clinictracker.vocabulary;

/**
 * Why a patient is treated: the clinic's indication catalogue with ICD-10 codes where natural
 * (domain.md, "Indications"). {@link #OTHER} needs a free-text description.
 */
public enum Indication {

    KNEE_OSTEOARTHRITIS("M17", "Knee osteoarthritis"),
    POST_MASTECTOMY_PAIN("G89.28", "Post-mastectomy pain"),
    INTERCOSTAL_NEURALGIA("G58.0", "Intercostal neuralgia"),
    TRIGEMINAL_NEURALGIA("G50.0", "Trigeminal neuralgia"),
    CHRONIC_POSTOPERATIVE_PAIN("G89.28", "Chronic postoperative pain after thoracic or orthopaedic surgery"),
    LOW_BACK_FACET_PAIN("M54.5", "Low-back / facet pain"),
    OCCIPITAL_NEURALGIA("M54.81", "Occipital neuralgia"),
    PERIPHERAL_NEUROPATHY("G62.9", "Peripheral neuropathy"),
    PHANTOM_LIMB_PAIN("G54.6", "Phantom limb pain"),
    OTHER(null, "Other (described in text)");

    private final String icd10;
    private final String label;

    Indication(String icd10, String label) {
        this.icd10 = icd10;
        this.label = label;
    }

    public String icd10() {
        return icd10;
    }

    public String label() {
        return label;
    }
}
