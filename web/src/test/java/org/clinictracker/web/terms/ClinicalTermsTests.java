package org.clinictracker.web.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The clinic's words for the API's codes, as every screen shows them. */
class ClinicalTermsTests {

    private final ClinicalTerms terms = new ClinicalTerms();

    @Test
    void codesReadAsWordsNeverAsCodes() {
        assertThat(terms.of("CRYONEUROLYSIS")).isEqualTo("Cryoneurolysis");
        assertThat(terms.of("SUPEROMEDIAL_GENICULAR")).isEqualTo("Superomedial genicular");
        assertThat(terms.of("HEAD_AND_FACE")).isEqualTo("Head and face");
        assertThat(terms.of("MONTH_3")).isEqualTo("Month 3");
        assertThat(terms.of(null)).isEmpty();
        assertThat(terms.of("")).isEmpty();
        assertThat(terms.of("Already words")).isEqualTo("Already words");
    }

    @Test
    void codesThatDoNotReadWellAreSpelledOut() {
        assertThat(terms.of("RADIOFREQUENCY_ABLATION")).isEqualTo("Radiofrequency ablation (RFA)");
        assertThat(terms.of("CT")).isEqualTo("CT");
        assertThat(terms.of("LANDMARK")).isEqualTo("Landmark (no imaging)");
        assertThat(terms.of("NSAID")).isEqualTo("NSAIDs");
        assertThat(terms.of("COGNITIVE_BEHAVIOURAL_THERAPY")).isEqualTo("Cognitive behavioural therapy");
        // an indication's ICD-10 code comes with the record and is shown apart, not twice
        assertThat(terms.of("LOW_BACK_FACET_PAIN")).isEqualTo("Low-back / facet pain");
        assertThat(terms.of("KNEE_OSTEOARTHRITIS")).isEqualTo("Knee osteoarthritis");
        assertThat(terms.of("SKIN_DISCOLORATION")).isEqualTo("Skin discoloration / pigment change");
        assertThat(terms.of("RESOLVED_WITH_SEQUELAE")).isEqualTo("Resolved with sequelae (lasting effects)");
        assertThat(terms.of("NEEDS_REVIEW")).isEqualTo("Needs a proceduralist's review");
        assertThat(terms.of("FOLLOW_UP")).isEqualTo("Follow-up visit");
        assertThat(terms.of("ODI")).isEqualTo("ODI (Oswestry)");
        assertThat(terms.of("RELIEF_BELOW_50_PERCENT")).isEqualTo("relief below 50 %");
        assertThat(terms.of("OWN_HISTORY")).isEqualTo("the patient's own history");
    }

    @Test
    void codeWithoutTheBeanAtHandReadsTheSame() {
        assertThat(ClinicalTerms.inWords("RADIOFREQUENCY_ABLATION")).isEqualTo(terms.of("RADIOFREQUENCY_ABLATION"));
        assertThat(ClinicalTerms.inWords("MONTH_3")).isEqualTo("Month 3");
    }

    @Test
    void severalCodesMakeOnePhrase() {
        assertThat(terms.phrase(List.of("RELIEF_BELOW_50_PERCENT", "PAIN_UP_2_FROM_BEST")))
                .isEqualTo("relief below 50 %, pain up 2 points or more from its best");
        assertThat(terms.phrase(null)).isEmpty();
        assertThat(terms.phrase("RELIEF_BELOW_50_PERCENT")).isEmpty();
    }

    @Test
    void targetsReadWithTheirLevelAndSide() {
        assertThat(terms.targets(List.of(
                Map.of("nerve", "SUPEROMEDIAL_GENICULAR", "laterality", "LEFT"),
                Map.of("nerve", "INTERCOSTAL", "level", "T4", "laterality", "RIGHT"),
                Map.of("nerve", "GREATER_OCCIPITAL"))))
                .isEqualTo("Superomedial genicular (left), Intercostal T4 (right), Greater occipital");
        assertThat(terms.targets(List.of("not a target"))).isEmpty();
        assertThat(terms.targets(null)).isEmpty();
    }

    @Test
    void instantsReadToTheMinuteOrTheDay() {
        assertThat(terms.time("2026-11-20T09:30:15Z")).isEqualTo("2026-11-20 09:30 UTC");
        assertThat(terms.day("2026-03-02T10:15:00Z")).isEqualTo("2026-03-02");
        assertThat(terms.day("2026-03-02")).isEqualTo("2026-03-02");
        assertThat(terms.time("not a time")).isEqualTo("not a time");
        assertThat(terms.time(null)).isEmpty();
        assertThat(terms.day(null)).isEmpty();
    }

    @Test
    void yesNoSaysWhenNothingWasRecorded() {
        assertThat(terms.yesNo(true)).isEqualTo("Yes");
        assertThat(terms.yesNo("false")).isEqualTo("No");
        assertThat(terms.yesNo(null)).isEqualTo("Not recorded");
    }

    @Test
    void formsOfferTheirChoicesInTheClinicsOrderAndWords() {
        assertThat(terms.choices("modality")).containsExactly(Map.entry("CRYONEUROLYSIS", "Cryoneurolysis"),
                Map.entry("RADIOFREQUENCY_ABLATION", "Radiofrequency ablation (RFA)"), Map.entry("NERVE_BLOCK", "Nerve block"));
        assertThat(terms.choices("laterality")).containsExactly(Map.entry("LEFT", "Left"), Map.entry("RIGHT", "Right"),
                Map.entry("BILATERAL", "Bilateral"), Map.entry("MIDLINE", "Midline"));
        assertThat(terms.choices("sex")).containsEntry("OTHER", "Other").containsKeys("FEMALE", "MALE", "UNKNOWN");
        assertThat(terms.choices("indication")).hasSize(10).containsEntry("OTHER", "Other (describe it)")
                .containsEntry("PHANTOM_LIMB_PAIN", "Phantom limb pain (G54.6)")
                .containsEntry("LOW_BACK_FACET_PAIN", "Low-back / facet pain (M54.5)");
        assertThat(terms.choices("indication").keySet()).startsWith("KNEE_OSTEOARTHRITIS").endsWith("OTHER");
        assertThat(terms.choices("adverseEventType")).hasSize(14).containsEntry("OTHER", "Other (describe it)")
                .containsEntry("BRUISING", "Bruising");
        assertThat(terms.choices("imaging")).containsKeys("ULTRASOUND", "FLUOROSCOPY", "CT", "LANDMARK");
        assertThat(terms.choices("rfaVariant")).containsValues("Conventional", "Cooled", "Pulsed");
        assertThat(terms.choices("blockPurpose")).containsValues("Diagnostic", "Therapeutic");
        assertThat(terms.choices("severity")).containsValues("Mild", "Moderate", "Severe");
        // the course of a complication, as it is first reported and then updated
        assertThat(terms.choices("adverseEventOutcome")).containsExactly(Map.entry("ONGOING", "Ongoing"),
                Map.entry("RESOLVING", "Resolving"), Map.entry("RESOLVED", "Resolved"),
                Map.entry("RESOLVED_WITH_SEQUELAE", "Resolved with sequelae (lasting effects)"));
        assertThat(terms.choices("yesNo")).containsExactly(Map.entry("true", "Yes"), Map.entry("false", "No"));
        assertThatThrownBy(() -> terms.choices("colours")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void therapiesAreGroupedByTheFourPillarsWithTheirOwnWords() {
        assertThat(terms.therapiesByPillar()).containsOnlyKeys("Physical", "Psychological", "Pharmacological", "Procedural");
        assertThat(terms.therapiesByPillar().get("Pharmacological")).containsEntry("NSAID", "NSAIDs")
                .containsEntry("ACETAMINOPHEN", "Acetaminophen (paracetamol)");
        // a treatment in general, not the modality of one procedure
        assertThat(terms.therapiesByPillar().get("Procedural")).containsEntry("NERVE_BLOCK", "Nerve blocks");
    }

    @Test
    void aScreeningResultsBadgeRepeatsWhatItsWordsSay() {
        assertThat(terms.screeningBadge("ELIGIBLE")).isEqualTo("badge badge-ok");
        assertThat(terms.screeningBadge("NOT_ELIGIBLE")).isEqualTo("badge badge-error");
        assertThat(terms.screeningBadge("NEEDS_REVIEW")).isEqualTo("badge badge-warn");
        assertThat(terms.screeningBadge(null)).isEqualTo("badge");
    }
}
