package org.clinictracker.procedures.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient as procedure-service knows it from patient-service's events: enough to label a procedure
 * and to decide whether one may be recorded.
 *
 * @param demographicsVersion the chart version these demographics come from
 * @param latestScreening     the newest candidacy screening with any override; {@code null} if never screened
 */
public record KnownPatient(UUID id, String mrn, String displayName, LocalDate birthDate, String sex,
        int demographicsVersion, LatestScreening latestScreening) {

    /**
     * The screening that counts now.
     *
     * @param result          what the screening rules found
     * @param reasonCodes     why, as codes (e.g. {@code ACTIVE_INFECTION}); may be empty
     * @param overrideResult  a proceduralist's override, or {@code null}
     * @param effectiveResult the override's result where there is one, else {@code result}
     */
    public record LatestScreening(UUID screeningId, ScreeningResult result, List<String> reasonCodes,
            ScreeningResult overrideResult, ScreeningResult effectiveResult, Instant screenedAt) {
    }

    /**
     * Only a screening that (after any override) says NOT_ELIGIBLE stops a procedure. A patient never
     * screened, or screened NEEDS_REVIEW, may be treated: screening informs the proceduralist, who
     * decides at the bedside, and screenings recorded after the fact must not block the log.
     */
    public boolean mayBeTreated() {
        return latestScreening == null || latestScreening.effectiveResult() != ScreeningResult.NOT_ELIGIBLE;
    }

    /** Why a procedure may not be recorded, worded for a problem's {@code detail}; empty when it may. */
    public Optional<String> refusalReason() {
        if (mayBeTreated()) {
            return Optional.empty();
        }
        LatestScreening screening = latestScreening;
        String reasons = screening.reasonCodes().isEmpty() ? "" : " (" + String.join(", ", screening.reasonCodes()) + ")";
        String finding = screening.overrideResult() == null
                ? "Candidacy screening " + screening.screeningId() + " found the patient not eligible" + reasons + "."
                : "A proceduralist's override of candidacy screening " + screening.screeningId()
                        + " made the patient not eligible" + reasons + ".";
        return Optional.of(finding + " A proceduralist must override the screening before a procedure can be recorded.");
    }
}
