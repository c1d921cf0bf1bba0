package org.clinictracker.followups.patientlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the patient answers on the follow-up page (issue 12). {@code painNow} is required: it is the outcome's pain
 * score, what the responder rule reads. The PEG items: {@code painAverage} (P), {@code enjoymentOfLife} (E),
 * {@code generalActivity} (G), 0–10 each. {@code sideEffects} null when the patient noticed none.
 * <p>
 * Unlike the clinic's other requests, a field this service does not know is refused, not ignored: a page sending
 * {@code sideEffect} or {@code painnow} would otherwise lose a patient's answer without anyone seeing it.
 */
public record PatientAnswerSubmission(
        // a token is 43 characters; the bound keeps a hostile one from being hashed or echoed at length
        @NotNull @Size(max = 64) String token,
        @NotNull @Min(0) @Max(10) Integer painNow,
        @Min(0) @Max(10) Integer painAverage,
        @Min(0) @Max(10) Integer enjoymentOfLife,
        @Min(0) @Max(10) Integer generalActivity,
        @Min(0) @Max(100) Integer reliefPercent,
        @Min(1) @Max(5) Integer satisfaction,
        Boolean sensationReturned,
        @Valid SideEffects sideEffects,
        @MultilineText @Size(max = 2000) String comments,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {

    /** Each field sent that is not one of these answers, named by its path. */
    public List<FieldError> unknownFieldErrors() {
        List<FieldError> errors = new ArrayList<>();
        unknown(unknownFields, "", errors);
        if (sideEffects != null) {
            unknown(sideEffects.unknownFields(), "sideEffects.", errors);
        }
        return errors;
    }

    private static void unknown(Map<String, Object> fields, String prefix, List<FieldError> errors) {
        if (fields != null) {
            fields.keySet().stream().sorted().limit(20)
                    .forEach(name -> errors.add(new FieldError(prefix + name, "is not a question of this form")));
        }
    }

    /**
     * The side effects noticed since the procedure, in the clinic's adverse-event vocabulary: at least one type
     * (OTHER with {@code otherDescription}); how bad the worst was and whether it needed medical care are required
     * with them (a serious one starts the clinic's safety check); {@code stillThere} null is read as still there.
     */
    public record SideEffects(
            @NotNull @Size(min = 1, max = 14) List<@NotNull AdverseEventType> types,
            @Size(max = 200) String otherDescription,
            Severity worst,
            Boolean neededMedicalCare,
            Boolean stillThere,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {
    }
}
