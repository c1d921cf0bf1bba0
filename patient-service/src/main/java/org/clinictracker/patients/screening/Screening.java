package org.clinictracker.patients.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.clinictracker.vocabulary.Modality;

/**
 * One candidacy screening as recorded, with every override a proceduralist made of it (oldest first).
 * {@code result} and {@code reasons} are the headline (the planned modality's); {@code modalities} says
 * for each modality what the rules found and what counts after overrides. The latest override that
 * covers a modality is what counts for it.
 */
public record Screening(UUID id, UUID patientId, ScreeningAnswers answers, ScreeningResult result,
        List<Reason> reasons, Instant screenedAt, String screenedBy, List<Override> overrides,
        List<ModalityScreening> modalities) {

    public record Reason(String code, String message) {
    }

    /** @param modalities the modalities it clears (or rules out); empty: every modality */
    public record Override(UUID id, ScreeningResult result, String reason, String overriddenBy, Instant overriddenAt,
            List<Modality> modalities) {

        public Override {
            modalities = modalities == null ? List.of() : List.copyOf(modalities);
        }

        boolean covers(Modality modality) {
            return modalities.isEmpty() || modalities.contains(modality);
        }
    }

    /** What the rules found for one modality, before any override. */
    public record RuleResult(Modality modality, ScreeningResult result, List<Reason> reasons) {
    }

    /**
     * One modality's screening: the rules' result and reasons, the latest override that covers the
     * modality (or {@code null}) and the result that counts.
     */
    public record ModalityScreening(Modality modality, ScreeningResult result, List<Reason> reasons, Override override,
            ScreeningResult effectiveResult) {

        static ModalityScreening judged(RuleResult rules, List<Override> overrides) {
            Override latest = null;
            for (Override candidate : overrides) {
                if (candidate.covers(rules.modality())) {
                    latest = candidate;
                }
            }
            return new ModalityScreening(rules.modality(), rules.result(), rules.reasons(), latest,
                    latest == null ? rules.result() : latest.result());
        }
    }

    static Screening of(UUID id, UUID patientId, ScreeningAnswers answers, ScreeningResult result, List<Reason> reasons,
            Instant screenedAt, String screenedBy, List<Override> overrides, List<RuleResult> rules) {
        return new Screening(id, patientId, answers, result, reasons, screenedAt, screenedBy, List.copyOf(overrides),
                rules.stream().map(rule -> ModalityScreening.judged(rule, overrides)).toList());
    }

    @JsonProperty
    public Override override() {
        return overrides.isEmpty() ? null : overrides.get(overrides.size() - 1);
    }

    /**
     * The headline after overrides: what counts for the headline's modality. An override that covers only
     * another modality leaves it alone, so a flag never reads ELIGIBLE while the planned (or, with none
     * planned, the strictest) modality is still ruled out.
     */
    @JsonProperty
    public ScreeningResult effectiveResult() {
        Override headline = headlineOverride();
        return headline == null ? result : headline.result();
    }

    /** The latest override that covers the headline's modality, or {@code null}. */
    public Override headlineOverride() {
        Modality headline = headlineModality(answers);
        for (ModalityScreening judged : modalities) {
            if (judged.modality() == headline) {
                return judged.override();
            }
        }
        return override(); // a screening judged before modalities were kept
    }

    /** The modality the headline {@code result} is about. */
    static Modality headlineModality(ScreeningAnswers answers) {
        return answers == null || answers.plannedModality() == null ? Modality.CRYONEUROLYSIS : answers.plannedModality();
    }

    /** True when the rules did not find the same for every modality: an override must then name its modalities. */
    public boolean modalitySpecific() {
        return modalities.stream().map(ModalityScreening::result).distinct().count() > 1;
    }
}
