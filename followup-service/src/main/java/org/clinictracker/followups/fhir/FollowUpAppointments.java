package org.clinictracker.followups.fhir;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedVisit;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * A follow-up visit as an {@code Appointment} (id = the visit's). An Appointment rather than a ServiceRequest: a
 * visit is a meeting with the patient on a day, with a booking state (open, done, missed, cancelled) that
 * Appointment's status names, where a ServiceRequest would only say that a review was asked for.
 * <p>
 * The clinic plans visits by the day, not the hour: {@code start}/{@code end} span the whole clinic day (the due day,
 * or the day a done visit's outcome was assessed), and {@code requestedPeriod} is the visit's window.
 */
@Component
class FollowUpAppointments {

    static final String V2_APPOINTMENT_REASON = "http://terminology.hl7.org/CodeSystem/v2-0276";

    private final ZoneId zone;
    private final TimeZone timeZone;

    FollowUpAppointments(@Value("${clinic.followups.zone:UTC}") ZoneId zone) {
        this.zone = zone;
        this.timeZone = TimeZone.getTimeZone(zone);
    }

    Appointment of(RecordedVisit visit) {
        Appointment appointment = new Appointment();
        appointment.setId(visit.id().toString());
        appointment.setStatus(status(visit.state()));
        appointment.setAppointmentType(new CodeableConcept(new Coding(V2_APPOINTMENT_REASON, "FOLLOWUP",
                "A follow up visit from a previous appointment")));
        appointment.setDescription(description(visit));
        LocalDate day = visit.assessedOn() != null ? visit.assessedOn() : visit.dueOn();
        appointment.setStartElement(startOf(day));
        appointment.setEndElement(startOf(day.plusDays(1)));
        appointment.addRequestedPeriod(new Period().setStartElement(new DateTimeType(visit.windowStart().toString()))
                .setEndElement(new DateTimeType(visit.windowEnd().toString())));
        // the procedure the visit follows up (its plan, a CarePlan, lists the visit among its activities)
        appointment.addSupportingInformation(new Reference("Procedure/" + visit.procedureId()));
        if ("CANCELLED".equals(visit.state())) {
            appointment.setCancelationReason(new CodeableConcept().setText(visit.cancelledByProcedureId() != null
                    ? "A repeat treatment replaced this visit" : "No longer in the plan after the schedule was revised"));
        }
        if (!visit.reschedules().isEmpty()) {
            appointment.setComment(visit.reschedules().stream()
                    .map(move -> "Rescheduled from " + move.fromDueOn() + " to " + move.toDueOn() + ": " + move.reason())
                    .collect(Collectors.joining("; ")));
        }
        // The clinic never records a patient's acceptance of a visit; only a visit that took place shows it.
        appointment.addParticipant().setActor(new Reference("Patient/" + visit.patientId()))
                .setRequired(ParticipantRequired.REQUIRED)
                .setStatus("COMPLETED".equals(visit.state()) ? ParticipationStatus.ACCEPTED : ParticipationStatus.NEEDSACTION);
        return appointment;
    }

    /**
     * An open visit is due on a day the protocol chose, not one agreed with the patient: proposed, not booked (FHIR:
     * "none of the participants have finalized their acceptance").
     */
    static AppointmentStatus status(String state) {
        return switch (state) {
            case "OPEN" -> AppointmentStatus.PROPOSED;
            case "COMPLETED" -> AppointmentStatus.FULFILLED;
            case "MISSED" -> AppointmentStatus.NOSHOW;
            case "CANCELLED" -> AppointmentStatus.CANCELLED;
            default -> throw new IllegalArgumentException("Unknown visit state " + state);
        };
    }

    private static String description(RecordedVisit visit) {
        String modality = FollowUpWords.modality(visit.modality());
        return "SAFETY_CHECK".equals(visit.kind())
                ? FollowUpWords.visitLabel(visit.label()) + " after a serious complication of " + modality
                : FollowUpWords.visitLabel(visit.label()) + " follow-up visit after " + modality;
    }

    private InstantType startOf(LocalDate day) {
        return new InstantType(Date.from(day.atStartOfDay(zone).toInstant()), TemporalPrecisionEnum.SECOND, timeZone);
    }
}
