package org.clinictracker.followups.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts a patient's follow-up records together in time order; reading it is audited. */
@Service
class PatientTimelines {

    private final TimelineRepository timeline;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;

    PatientTimelines(TimelineRepository timeline, ClinicCalendar calendar, AuditTrail audit) {
        this.timeline = timeline;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * The patient's timeline. A patient this service knows (registered, or with a procedure that arrived first) and
     * nothing else yet has an empty one; an id it has never heard of is not found.
     */
    @Transactional
    Timeline of(UUID patientId) {
        var patient = timeline.patient(patientId);
        List<TimelineEntry> entries = new ArrayList<>(timeline.procedures(patientId));
        if (patient.isEmpty() && entries.isEmpty()) {
            throw ProblemException.notFound("Patient", patientId);
        }
        entries.addAll(timeline.plans(patientId));
        entries.addAll(timeline.visits(patientId, calendar.today()));
        entries.addAll(timeline.outcomes(patientId));
        entries.addAll(timeline.adverseEvents(patientId));
        entries.addAll(timeline.reschedules(patientId));
        entries.addAll(timeline.repeatCandidates(patientId));
        entries.sort(TimelineEntry.IN_TIME_ORDER);
        audit.record(patientId, "FOLLOW_UP_TIMELINE_READ", "timeline");
        return new Timeline(patientId, patient.map(TimelineRepository.Patient::mrn).orElse(null),
                patient.map(TimelineRepository.Patient::displayName).orElse(null),
                patient.map(TimelineRepository.Patient::lostToFollowUpSince).orElse(null), List.copyOf(entries));
    }
}
