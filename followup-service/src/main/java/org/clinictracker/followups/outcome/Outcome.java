package org.clinictracker.followups.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Severity;

/**
 * A visit's outcome as recorded, with the response rules' verdict on it: {@code responder} null when the plan has
 * no baseline to measure against; {@code waningReasons} the codes of {@link WaningReason}. {@code reportedBy} says
 * whether a coordinator documented it or the patient answered through a link; {@code painAverage},
 * {@code pegEnjoyment}, {@code pegActivity} are the PEG items as answered; {@code version} counts amendments (1 as
 * first recorded; its ETag for {@code If-Match}); {@code reviewedBy}/{@code reviewedAt} null while a patient's
 * answers wait for a coordinator's review.
 */
public record Outcome(UUID visitId, UUID planId, UUID patientId, UUID procedureId, String label, LocalDate assessedOn,
        Integer painScore, Integer reliefPercent, FunctionScore functionScore, BigDecimal opioidMmePerDay,
        Integer satisfaction, Boolean sensationReturned, List<ObservedAdverseEvent> adverseEvents, String notes,
        boolean documentedLate, Boolean responder, boolean waningRelief, List<String> waningReasons, String recordedBy,
        Instant recordedAt, ReportedBy reportedBy, Integer painAverage, Integer pegEnjoyment, Integer pegActivity,
        int version, String reviewedBy, Instant reviewedAt) {

    /** A complication noticed at the visit; {@code id} is the observation id its event carries. */
    public record ObservedAdverseEvent(UUID id, AdverseEventType type, String description, Severity severity,
            boolean serious, LocalDate onsetOn, AdverseEventOutcome outcome, LocalDate resolvedOn, String notes) {
    }
}
