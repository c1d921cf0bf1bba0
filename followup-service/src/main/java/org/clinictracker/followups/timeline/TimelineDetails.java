package org.clinictracker.followups.timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.followups.relief.ExpectedReliefEnd;
import org.clinictracker.followups.relief.NoEstimate;

import io.swagger.v3.oas.annotations.media.Schema;

/** What each kind of timeline entry says: a summary of the record, never its free-text notes. */
public final class TimelineDetails {

    private TimelineDetails() {
    }

    @Schema(name = "TimelineProcedure")
    public record Procedure(String modality, String indicationCode, List<TreatedTarget> targets, Integer painBefore,
            int treatmentNumber, UUID previousProcedureId, boolean earlyRepeat) {
    }

    /** A plan, its response so far and its expected end of relief (or why there is none). */
    @Schema(name = "TimelinePlan")
    public record Plan(String modality, int protocolVersion, LocalDate performedOn, int treatmentNumber,
            UUID previousProcedureId, Integer baselinePainScore, Instant createdAt, LocalDate responderSince,
            Integer bestPainScore, LocalDate reliefEndedOn, ExpectedReliefEnd expectedReliefEnd,
            NoEstimate noExpectedReliefEnd) {
    }

    /** {@code source}: PROCEDURE_RECORD (reported in procedure-service) or FOLLOW_UP_VISIT (noticed at a visit here). */
    @Schema(name = "TimelineAdverseEvent")
    public record AdverseEvent(String source, String type, String description, String severity, boolean serious,
            LocalDate onsetOn, String outcome, LocalDate resolvedOn) {
    }

    @Schema(name = "TimelineVisit")
    public record Visit(String label, String visitKind, VisitStatus status, LocalDate dueOn, LocalDate windowStart,
            LocalDate windowEnd, String assignee, int rescheduledCount, LocalDate missedOn) {
    }

    @Schema(name = "TimelineFunctionScore")
    public record FunctionScore(String instrument, BigDecimal value) {
    }

    @Schema(name = "TimelineOutcome")
    public record Outcome(LocalDate assessedOn, Integer painScore, Integer reliefPercent, FunctionScore functionScore,
            BigDecimal opioidMmePerDay, Integer satisfaction, Boolean sensationReturned, Boolean responder,
            boolean waningRelief, List<String> waningReasons, boolean documentedLate, String recordedBy,
            Instant recordedAt) {
    }

    @Schema(name = "TimelineReschedule")
    public record Reschedule(LocalDate fromDueOn, LocalDate toDueOn, String reason, String rescheduledBy) {
    }

    @Schema(name = "TimelineRepeatCandidate")
    public record RepeatCandidate(List<String> reasons, String status, String decidedBy, Instant decidedAt,
            String decisionReason, UUID repeatProcedureId) {
    }
}
