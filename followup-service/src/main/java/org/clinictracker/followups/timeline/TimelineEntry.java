package org.clinictracker.followups.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing that happened (or is due) in a patient's follow-up: {@code at} is an instant where one is known (a
 * procedure, a reschedule, a candidate) or a clinic day (a visit's due day, an outcome's assessment day, an adverse
 * event's onset); {@code day} is always the clinic day, to group by. The ids name what it is about.
 */
public record TimelineEntry(
        @Schema(description = "An instant (ends in Z) or a date", example = "2026-03-02") String at,
        LocalDate day,
        TimelineKind kind,
        UUID procedureId,
        UUID planId,
        UUID visitId,
        UUID adverseEventId,
        UUID candidateId,
        @Schema(oneOf = { TimelineDetails.Procedure.class, TimelineDetails.Plan.class, TimelineDetails.AdverseEvent.class,
                TimelineDetails.Visit.class, TimelineDetails.Outcome.class, TimelineDetails.Reschedule.class,
                TimelineDetails.RepeatCandidate.class }) Object detail,
        @JsonIgnore Instant instant) {

    /** In time order: by clinic day, then kind, then the instant where there is one, then id for a stable order. */
    public static final Comparator<TimelineEntry> IN_TIME_ORDER = Comparator.comparing(TimelineEntry::day)
            .thenComparing(TimelineEntry::kind)
            .thenComparing(TimelineEntry::instant, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TimelineEntry::sortId);

    static TimelineEntry onDay(LocalDate day, TimelineKind kind, Ids ids, Object detail) {
        return new TimelineEntry(day.toString(), day, kind, ids.procedureId(), ids.planId(), ids.visitId(),
                ids.adverseEventId(), ids.candidateId(), detail, null);
    }

    static TimelineEntry atInstant(Instant instant, LocalDate day, TimelineKind kind, Ids ids, Object detail) {
        return new TimelineEntry(instant.toString(), day, kind, ids.procedureId(), ids.planId(), ids.visitId(),
                ids.adverseEventId(), ids.candidateId(), detail, instant);
    }

    private String sortId() {
        for (UUID id : new UUID[] { candidateId, adverseEventId, visitId, planId, procedureId }) {
            if (id != null) {
                return id.toString();
            }
        }
        return "";
    }

    /** The ids an entry carries; null where they do not apply. */
    record Ids(UUID procedureId, UUID planId, UUID visitId, UUID adverseEventId, UUID candidateId) {
    }
}
