package org.clinictracker.procedures.procedure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.input.MultilineText;
import org.clinictracker.procedures.adverse.AdverseEventReport;
import org.clinictracker.vocabulary.Modality;
import org.clinictracker.vocabulary.IndicationEntry;

/**
 * A case as the proceduralist logs it ({@code POST}) or corrects it ({@code PUT}, with an
 * {@code amendmentReason}; adverse events are then reported through their own calls). Exactly one of {@code cryo}, {@code rfa} or {@code block} is
 * given, the one matching {@code modality}; the clinic's rules ({@code ProcedureRules}) check what
 * bean validation cannot: temperatures, cycles, nerve codes and levels. {@code notDuplicateOf} lists
 * procedures at the same time on a common target that the proceduralist checked and confirmed to be
 * another case; without it such a case is refused as probably typed twice.
 * <p>
 * {@code missingClearanceReason} documents why a procedure is recorded although the patient was never
 * screened, the latest screening awaits a proceduralist's review for this modality, or no consent for it
 * is on file (e.g. a late entry of a case done before the clinic used this system). It is kept on the
 * record as a warning. It cannot lift a screening that rules the modality out: only an override can.
 */
public record ProcedureDetails(
        @NotNull UUID patientId,
        @NotNull Instant performedAt,
        @NotNull Modality modality,
        @Valid IndicationEntry indication,
        @NotEmpty @Size(max = 12) List<@Valid @NotNull TargetSite> targets,
        @NotNull ImagingGuidance imagingGuidance,
        @Valid Device device,
        @Valid CryoParameters cryo,
        @Valid RfaParameters rfa,
        @Valid BlockParameters block,
        @Size(max = 200) String localAnesthetic,
        @Size(max = 200) String sedation,
        @Min(0) @Max(10) Integer painBefore,
        @Min(0) @Max(10) Integer painAfter,
        @MultilineText @Size(max = 4000) String notes,
        @Size(max = 20) List<@Valid @NotNull AdverseEventReport> adverseEvents,
        @MultilineText @Size(max = 1000) String amendmentReason,
        @Size(max = 20) List<@NotNull UUID> notDuplicateOf,
        @MultilineText @Size(max = 1000) String missingClearanceReason) {

    public ProcedureDetails {
        // Copies that keep null elements, so validation (not a NullPointerException) names them.
        targets = targets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(targets));
        adverseEvents = adverseEvents == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(adverseEvents));
        notDuplicateOf = notDuplicateOf == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(notDuplicateOf));
    }
}
