package org.clinictracker.patients.patient;

/** What the patient already has, sorted into the "4 P's" of a multimodal pain plan (domain.md, "Care context"). */
public enum Therapy {

    EXERCISE(Pillar.PHYSICAL),
    PHYSICAL_THERAPY(Pillar.PHYSICAL),
    GAIT_TRAINING(Pillar.PHYSICAL),
    COGNITIVE_BEHAVIOURAL_THERAPY(Pillar.PSYCHOLOGICAL),
    MINDFULNESS(Pillar.PSYCHOLOGICAL),
    NSAID(Pillar.PHARMACOLOGICAL),
    ACETAMINOPHEN(Pillar.PHARMACOLOGICAL),
    OPIOID(Pillar.PHARMACOLOGICAL),
    GABAPENTINOID(Pillar.PHARMACOLOGICAL),
    ANTIDEPRESSANT(Pillar.PHARMACOLOGICAL),
    TOPICAL_AGENT(Pillar.PHARMACOLOGICAL),
    NERVE_BLOCK(Pillar.PROCEDURAL),
    RADIOFREQUENCY_ABLATION(Pillar.PROCEDURAL),
    CRYONEUROLYSIS(Pillar.PROCEDURAL),
    STEROID_INJECTION(Pillar.PROCEDURAL);

    public enum Pillar { PHYSICAL, PSYCHOLOGICAL, PHARMACOLOGICAL, PROCEDURAL }

    private final Pillar pillar;

    Therapy(Pillar pillar) {
        this.pillar = pillar;
    }

    public Pillar pillar() {
        return pillar;
    }
}
