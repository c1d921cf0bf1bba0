package org.clinictracker.procedures.procedure;

import java.util.List;
import java.util.Map;

import org.clinictracker.platform.input.VisibleText;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.procedures.patient.KnownPatient;
import org.clinictracker.procedures.patient.KnownPatient.ClearanceGap;
import org.clinictracker.procedures.patient.KnownPatients;
import org.clinictracker.procedures.rules.Warning;
import org.springframework.http.HttpStatus;

/**
 * May this procedure be recorded for this patient, judged on what is on file now (so a late entry for a
 * patient screened and consented since is accepted)?
 * <ul>
 * <li>an unknown patient, or a latest screening that rules the modality out (after any override): refused,
 * whatever the request says; only a proceduralist's override of the screening lifts it;</li>
 * <li>never screened, a screening awaiting review for the modality, no consent for it: refused unless the
 * request documents why in {@value #FIELD}; the reason then stays on the record as a warning per gap.</li>
 * </ul>
 */
final class TreatmentClearance {

    static final String FIELD = "missingClearanceReason";

    private TreatmentClearance() {
    }

    /** The warnings that document the gaps; throws the problem that refuses the procedure. */
    static List<Warning> check(KnownPatients patients, ProcedureDetails details) {
        KnownPatient patient = patients.find(details.patientId()).orElseThrow(() -> new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT, "patient-not-known", "Patient not known here",
                "No patient " + details.patientId() + " is known to the procedure log. Register the patient at the "
                        + "front desk first; a new registration reaches this service within seconds."));
        patient.refusalReason(details.modality()).ifPresent(reason -> {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "patient-not-eligible",
                    "Patient not eligible", reason + " (POST /api/patients/" + patient.id()
                            + "/screenings/{screeningId}/override)")
                    .with("screeningId", patient.latestScreening().screeningId())
                    .with("modality", details.modality());
        });
        List<ClearanceGap> gaps = patient.clearanceGaps(details.modality());
        if (gaps.isEmpty()) {
            return List.of();
        }
        String reason = details.missingClearanceReason();
        if (VisibleText.isBlank(reason)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "treatment-not-cleared",
                    "Screening or consent missing",
                    String.join(" ", gaps.stream().map(ClearanceGap::message).toList())
                            + " Complete the screening and consent first, or say in '" + FIELD
                            + "' why the procedure is recorded without them (e.g. a late entry of an earlier case).")
                    .with("gaps", gaps.stream().map(gap -> Map.of("code", gap.code(), "message", gap.message())).toList())
                    .with("errors", List.of(new FieldError(FIELD,
                            "is required: " + String.join(", ", gaps.stream().map(ClearanceGap::code).toList()))));
        }
        return gaps.stream()
                .map(gap -> new Warning(gap.code(), FIELD, gap.message() + " Recorded with the reason: " + reason.strip()))
                .toList();
    }

    /** The documented gaps of a record, which its amendments keep. */
    static List<Warning> keptFrom(List<Warning> warnings) {
        return warnings.stream().filter(warning -> FIELD.equals(warning.field())).toList();
    }
}
