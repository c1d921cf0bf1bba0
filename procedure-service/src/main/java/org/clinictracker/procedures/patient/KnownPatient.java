package org.clinictracker.procedures.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.vocabulary.Modality;

/**
 * A patient as procedure-service knows it from patient-service's events: enough to label a procedure
 * and to decide whether one may be recorded.
 *
 * @param demographicsVersion the chart version these demographics come from
 * @param latestScreening     the newest candidacy screening with any override; {@code null} if never screened
 * @param consents            the modalities the patient has a signed consent on file for
 */
public record KnownPatient(UUID id, String mrn, String displayName, LocalDate birthDate, String sex,
        int demographicsVersion, LatestScreening latestScreening, Set<Modality> consents) {

    public KnownPatient {
        consents = consents == null ? Set.of() : Set.copyOf(consents);
    }

    /**
     * The screening that counts now.
     *
     * @param result          what the screening rules found (the headline modality's)
     * @param reasonCodes     why, as codes (e.g. {@code ACTIVE_INFECTION}); may be empty
     * @param overrideResult  a proceduralist's latest override, or {@code null}
     * @param effectiveResult the override's result where there is one, else {@code result}
     * @param modalities      the verdict for each modality; empty for a screening published before
     *                        screenings followed the modality
     */
    public record LatestScreening(UUID screeningId, ScreeningResult result, List<String> reasonCodes,
            ScreeningResult overrideResult, ScreeningResult effectiveResult, Instant screenedAt,
            List<ModalityScreening> modalities) {

        public LatestScreening {
            modalities = modalities == null ? List.of() : List.copyOf(modalities);
        }

        /** The verdict for {@code modality}, or empty when this screening did not judge it. */
        public Optional<ModalityScreening> forModality(Modality modality) {
            return modalities.stream().filter(m -> m.modality() == modality).findFirst();
        }
    }

    /** One modality's verdict: the rules' result and reasons, a covering override's result, what counts. */
    public record ModalityScreening(Modality modality, ScreeningResult result, List<String> reasonCodes,
            ScreeningResult overrideResult, ScreeningResult effectiveResult) {
    }

    /**
     * Why a procedure of {@code modality} may not be recorded at all, worded for a problem's
     * {@code detail}: the latest screening (after any override) rules the patient out for it. No
     * documented reason lifts this; only a proceduralist's override of the screening does.
     */
    public Optional<String> refusalReason(Modality modality) {
        if (latestScreening == null) {
            return Optional.empty();
        }
        LatestScreening screening = latestScreening;
        Optional<ModalityScreening> verdict = screening.forModality(modality);
        ScreeningResult effective = verdict.map(ModalityScreening::effectiveResult).orElse(screening.effectiveResult());
        if (effective != ScreeningResult.NOT_ELIGIBLE) {
            return Optional.empty();
        }
        List<String> codes = verdict.map(ModalityScreening::reasonCodes).orElse(screening.reasonCodes());
        boolean overridden = verdict.map(v -> v.overrideResult() != null).orElse(screening.overrideResult() != null);
        String reasons = codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")";
        String finding = overridden
                ? "A proceduralist's override of candidacy screening " + screening.screeningId()
                        + " made the patient not eligible for " + modality + reasons + "."
                : "Candidacy screening " + screening.screeningId() + " found the patient not eligible for " + modality
                        + reasons + ".";
        return Optional.of(finding + " A proceduralist must override the screening for " + modality
                + " before such a procedure can be recorded.");
    }

    /**
     * What is missing before a procedure of {@code modality} is cleared (never screened, a screening
     * awaiting review, no consent): each may be bridged by a documented reason.
     */
    public List<ClearanceGap> clearanceGaps(Modality modality) {
        List<ClearanceGap> gaps = new ArrayList<>();
        if (latestScreening == null) {
            gaps.add(new ClearanceGap(ClearanceGap.NOT_SCREENED, "The patient has no candidacy screening on file."));
        } else {
            Optional<ModalityScreening> verdict = latestScreening.forModality(modality);
            if (verdict.isEmpty()) {
                gaps.add(new ClearanceGap(ClearanceGap.MODALITY_NOT_SCREENED, "Candidacy screening "
                        + latestScreening.screeningId() + " predates per-modality screening and did not judge "
                        + modality + "."));
            } else if (verdict.get().effectiveResult() == ScreeningResult.NEEDS_REVIEW) {
                List<String> codes = verdict.get().reasonCodes();
                gaps.add(new ClearanceGap(ClearanceGap.SCREENING_NEEDS_REVIEW, "Candidacy screening "
                        + latestScreening.screeningId() + " needs a proceduralist's review for " + modality
                        + (codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")") + "."));
            }
        }
        if (!consents.contains(modality)) {
            gaps.add(new ClearanceGap(ClearanceGap.CONSENT_MISSING,
                    "No signed consent for " + modality + " is on file."));
        }
        return List.copyOf(gaps);
    }

    /** Something missing before a procedure is cleared; {@code code} is UPPER_SNAKE, stable for clients. */
    public record ClearanceGap(String code, String message) {
        public static final String NOT_SCREENED = "NOT_SCREENED";
        public static final String MODALITY_NOT_SCREENED = "MODALITY_NOT_SCREENED";
        public static final String SCREENING_NEEDS_REVIEW = "SCREENING_NEEDS_REVIEW";
        public static final String CONSENT_MISSING = "CONSENT_MISSING";
    }
}
