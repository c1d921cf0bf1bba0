package org.clinictracker.followups.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedVisit;
import org.clinictracker.followups.fhir.FollowUpRecordRepository.Reschedule;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.testsupport.FhirRecordValidator;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A follow-up visit in each of its states as a valid R4 Appointment, on the clinic's day. */
class FollowUpAppointmentsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 16);
    private final FollowUpAppointments appointments = new FollowUpAppointments(ZoneId.of("America/New_York"));

    @ParameterizedTest
    @CsvSource({ "OPEN, PROPOSED, NEEDSACTION", "COMPLETED, FULFILLED, ACCEPTED", "MISSED, NOSHOW, NEEDSACTION",
            "CANCELLED, CANCELLED, NEEDSACTION" })
    void each_state_of_a_visit_is_an_appointment_status_and_validates(String state, AppointmentStatus status,
            ParticipationStatus patientStatus) {
        Appointment appointment = appointments.of(visit(state, null, null, List.of()));

        assertThat(appointment.getStatus()).isEqualTo(status);
        assertThat(appointment.getParticipantFirstRep().getStatus()).isEqualTo(patientStatus);
        assertThat(appointment.getParticipantFirstRep().getActor().getReference()).startsWith("Patient/");
        assertThat(appointment.getAppointmentType().getCodingFirstRep().getCode()).isEqualTo("FOLLOWUP");
        assertThat(appointment.getDescription()).isEqualTo("Week 2 follow-up visit after cryoneurolysis");
        assertThat(appointment.hasCancelationReason()).isEqualTo(state.equals("CANCELLED"));
        assertThat(FhirRecordValidator.errors(ClinicFhir.toJson(appointment))).isEmpty();
    }

    @Test
    void a_visit_spans_the_whole_clinic_day_it_was_due_and_its_window_is_the_requested_period() {
        Appointment appointment = appointments.of(visit("OPEN", null, null, List.of()));

        assertThat(appointment.getStartElement().getValueAsString()).isEqualTo("2026-03-16T00:00:00-04:00");
        assertThat(appointment.getEndElement().getValueAsString()).isEqualTo("2026-03-17T00:00:00-04:00");
        assertThat(appointment.getRequestedPeriodFirstRep().getStartElement().getValueAsString()).isEqualTo("2026-03-13");
        assertThat(appointment.getRequestedPeriodFirstRep().getEndElement().getValueAsString()).isEqualTo("2026-03-19");
    }

    @Test
    void a_done_visit_is_on_the_day_its_outcome_was_assessed() {
        Appointment appointment = appointments.of(visit("COMPLETED", DUE.plusDays(2), null, List.of()));
        assertThat(appointment.getStartElement().getValueAsString()).startsWith("2026-03-18T00:00:00");
    }

    @Test
    void a_rescheduled_visit_says_when_and_why_it_moved_and_a_cancelled_one_why_it_was_cancelled() {
        UUID repeat = UUID.randomUUID();
        Appointment moved = appointments.of(visit("OPEN", null, null,
                List.of(new Reschedule(UUID.randomUUID(), DUE.minusDays(3), DUE, "patient away"))));
        Appointment cancelled = appointments.of(visit("CANCELLED", null, repeat, List.of()));

        assertThat(moved.getComment()).isEqualTo("Rescheduled from 2026-03-13 to 2026-03-16: patient away");
        assertThat(cancelled.getCancelationReason().getText()).isEqualTo("A repeat treatment replaced this visit");
    }

    @Test
    void a_safety_check_says_what_it_is_for() {
        RecordedVisit check = new RecordedVisit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "RADIOFREQUENCY_ABLATION", "SAFETY_CHECK_1", "SAFETY_CHECK", DUE, DUE.minusDays(1),
                DUE.plusDays(2), "OPEN", null, null, List.of());
        assertThat(appointments.of(check).getDescription())
                .isEqualTo("Safety check 1 after a serious complication of radiofrequency ablation");
    }

    private static RecordedVisit visit(String state, LocalDate assessedOn, UUID cancelledBy, List<Reschedule> moves) {
        return new RecordedVisit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "CRYONEUROLYSIS", "WEEK_2", "PROTOCOL", DUE, DUE.minusDays(3), DUE.plusDays(3), state, cancelledBy,
                assessedOn, moves);
    }
}
