package org.clinictracker.followups.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.followups.procedure.KnownAdverseEvent;
import org.clinictracker.followups.procedure.ProcedureFollowUps;
import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.ClinicToken;
import org.clinictracker.testsupport.FhirRecordValidator;
import org.clinictracker.vocabulary.Modality;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * followup-service's part of a patient's FHIR R4 record over HTTP: a collection Bundle that HAPI's own validator
 * accepts without an error, with stable ids, for the clinical roles only, audited. Outcome rows are written as
 * the outcome service stores them.
 */
@ClinicServiceTest
class FhirRecordPartTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 15);
    private static final LocalDate PERFORMED = LocalDate.of(2026, 3, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    TestClock clock;

    @Autowired
    ProcedureFollowUps procedureFollowUps;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void each_measure_of_an_outcome_is_an_observation_of_the_patient_about_the_procedure_and_the_part_validates()
            throws Exception {
        clock.set(TODAY);
        UUID patient = plans.patient("Record, Rita", 8);
        ProcedureFacts procedure = Plans.kneeCryo(patient, PERFORMED);
        UUID plan = plans.start(procedure);
        UUID week2 = plans.visit(plan, "WEEK_2");
        UUID month3 = plans.visit(plan, "MONTH_3");
        outcome(week2, plan, patient, procedure.procedureId(), PERFORMED.plusDays(14), 3, 70, "WOMAC", "38.5", "15", 5, false);
        outcome(month3, plan, patient, procedure.procedureId(), PERFORMED.plusDays(90), 4, null, null, null, null, null, true);

        String json = read(patient, ClinicJwt.coordinator());
        Bundle part = ClinicFhir.bundleFromJson(json);

        assertThat(FhirRecordValidator.errors(json)).isEmpty();
        assertThat(part.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        List<Observation> observations = resources(part, Observation.class);
        assertThat(observations).extracting(o -> o.getCode().getCodingFirstRep().getCode()).containsExactly(
                "72514-3", "PAIN_RELIEF_PERCENT", "WOMAC_TOTAL", "OPIOID_MME_PER_DAY", "TREATMENT_SATISFACTION",
                "SENSATION_RETURNED", "72514-3", "SENSATION_RETURNED");

        Observation pain = observations.get(0);
        assertThat(pain.getIdPart()).isEqualTo(UUID.nameUUIDFromBytes(("pain:" + week2).getBytes()).toString());
        assertThat(pain.getCode().getCodingFirstRep().getSystem()).isEqualTo(ClinicCodeSystems.LOINC);
        assertThat(pain.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
        assertThat(pain.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(pain.getValueIntegerType().getValue()).isEqualTo(3);
        assertThat(pain.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(pain.getFocusFirstRep().getReference()).isEqualTo("Procedure/" + procedure.procedureId());
        assertThat(pain.getEffectiveDateTimeType().getValueAsString()).isEqualTo(PERFORMED.plusDays(14).toString());
        assertThat(pain.hasPartOf()).as("partOf is for what was observed during the procedure").isFalse();

        Observation relief = observations.get(1);
        assertThat(relief.getValueQuantity().getValue()).isEqualByComparingTo("70");
        assertThat(relief.getValueQuantity().getCode()).isEqualTo("%");
        Observation womac = observations.get(2);
        assertThat(womac.getValueQuantity().getValue()).isEqualByComparingTo("38.5");
        Observation opioids = observations.get(3);
        assertThat(opioids.getValueQuantity().getCode()).isEqualTo("mg/d");
        assertThat(opioids.getValueQuantity().getValue()).isEqualByComparingTo("15");
        assertThat(observations.get(4).getValueIntegerType().getValue()).isEqualTo(5);
        assertThat(observations.get(5).getValueBooleanType().getValue()).isFalse();
        assertThat(observations.get(7).getValueBooleanType().getValue()).isTrue();
        assertThat(observations.get(6).getIdPart()).isEqualTo(UUID.nameUUIDFromBytes(("pain:" + month3).getBytes()).toString());

        for (BundleEntryComponent entry : part.getEntry()) {
            Resource resource = entry.getResource();
            assertThat(entry.getFullUrl()).isEqualTo("http://localhost:8080/api/fhir/" + resource.fhirType() + "/"
                    + resource.getIdPart());
        }
    }

    /**
     * A knee cryoneurolysis followed up: two visits done, one missed, one rescheduled and done with waning relief
     * (a repeat-treatment candidate), and a repeat that cancelled the rest of the plan.
     */
    @Test
    void a_followed_up_and_repeated_treatment_is_plans_appointments_observations_and_a_repeat_request_that_validate()
            throws Exception {
        clock.set(LocalDate.of(2026, 7, 1));
        UUID patient = plans.patient("Whole, Wanda", 8);
        ProcedureFacts first = Plans.kneeCryo(patient, PERFORMED);
        UUID plan = plans.start(first);
        UUID day2 = plans.visit(plan, "DAY_2");
        UUID week2 = plans.visit(plan, "WEEK_2");
        UUID week6 = plans.visit(plan, "WEEK_6");
        UUID month3 = plans.visit(plan, "MONTH_3");
        UUID month6 = plans.visit(plan, "MONTH_6");
        outcome(day2, plan, patient, first.procedureId(), PERFORMED.plusDays(2), 4, 50, "WOMAC", "50", "30", 4, false);
        outcome(week2, plan, patient, first.procedureId(), PERFORMED.plusDays(14), 2, 80, "WOMAC", "30", "10", 5, false);
        jdbc.sql("UPDATE follow_up_visit SET state = 'MISSED', missed_on = ? WHERE id = ?")
                .param(Date.valueOf(PERFORMED.plusDays(46))).param(week6).update();
        // a complication noticed at a visit: procedure-service's AdverseEvent, not rendered here
        jdbc.sql("""
                INSERT INTO observed_adverse_event (id, visit_id, patient_id, procedure_id, type, severity, serious,
                       onset_on, outcome)
                VALUES (?, ?, ?, ?, 'BRUISING', 'MILD', false, ?, 'RESOLVED')""")
                .param(UUID.randomUUID()).param(week2).param(patient).param(first.procedureId())
                .param(Date.valueOf(PERFORMED.plusDays(3))).update();
        LocalDate month3Due = jdbc.sql("SELECT due_on FROM follow_up_visit WHERE id = ?").param(month3)
                .query(LocalDate.class).single();
        LocalDate movedTo = month3Due.plusDays(5);
        jdbc.sql("UPDATE follow_up_visit SET due_on = ?, rescheduled_count = 1 WHERE id = ?")
                .param(Date.valueOf(movedTo)).param(month3).update();
        jdbc.sql("""
                INSERT INTO visit_reschedule (visit_id, patient_id, from_due_on, to_due_on, reason, rescheduled_by,
                       rescheduled_at)
                VALUES (?, ?, ?, ?, 'patient away', 'coord2', ?)""")
                .param(month3).param(patient).param(Date.valueOf(month3Due)).param(Date.valueOf(movedTo))
                .param(Timestamp.from(Instant.parse("2026-05-20T09:00:00Z"))).update();
        outcome(month3, plan, patient, first.procedureId(), movedTo, 7, 20, null, null, null, null, true);
        UUID candidate = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO repeat_candidate (id, plan_id, patient_id, procedure_id, visit_id, reasons, created_at)
                VALUES (?, ?, ?, ?, ?, '{RELIEF_BELOW_50_PERCENT,SENSATION_RETURNED_WITH_PAIN}', ?)""")
                .param(candidate).param(plan).param(patient).param(first.procedureId()).param(month3)
                .param(Timestamp.from(Instant.parse("2026-06-05T15:00:00Z"))).update();
        ProcedureFacts repeat = Plans.procedure(patient, LocalDate.of(2026, 6, 20), Modality.CRYONEUROLYSIS, 7, 2,
                first.procedureId());
        UUID repeatPlan = plans.start(repeat);

        String json = read(patient, ClinicJwt.coordinator());
        Bundle part = ClinicFhir.bundleFromJson(json);

        assertThat(FhirRecordValidator.errors(json)).isEmpty();
        assertThat(part.getEntry()).extracting(entry -> entry.getResource().fhirType()).doesNotContain("AdverseEvent");

        List<CarePlan> carePlans = resources(part, CarePlan.class);
        assertThat(carePlans).extracting(CarePlan::getIdPart).containsExactly(plan.toString(), repeatPlan.toString());
        CarePlan followed = carePlans.get(0);
        assertThat(followed.getStatus()).as("nothing left to do after the repeat").isEqualTo(CarePlanStatus.COMPLETED);
        assertThat(carePlans.get(1).getStatus()).isEqualTo(CarePlanStatus.ACTIVE);
        assertThat(followed.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
        assertThat(followed.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(followed.getSupportingInfoFirstRep().getReference()).isEqualTo("Procedure/" + first.procedureId());
        assertThat(followed.getActivity()).hasSize(7);
        assertThat(followed.getActivityFirstRep().getReference().getReference()).isEqualTo("Appointment/" + day2);
        assertThat(followed.getActivityFirstRep().getOutcomeReference()).hasSize(6);

        Map<String, Appointment> appointments = resources(part, Appointment.class).stream()
                .collect(Collectors.toMap(Appointment::getIdPart, appointment -> appointment));
        assertThat(appointments).hasSize(7 + 7);
        assertThat(appointments.get(day2.toString()).getStatus()).isEqualTo(AppointmentStatus.FULFILLED);
        assertThat(appointments.get(week2.toString()).getStatus()).isEqualTo(AppointmentStatus.FULFILLED);
        Appointment missed = appointments.get(week6.toString());
        assertThat(missed.getStatus()).isEqualTo(AppointmentStatus.NOSHOW);
        assertThat(missed.getDescription()).isEqualTo("Week 6 follow-up visit after cryoneurolysis");
        Appointment rescheduled = appointments.get(month3.toString());
        assertThat(rescheduled.getStatus()).isEqualTo(AppointmentStatus.FULFILLED);
        assertThat(rescheduled.getComment()).isEqualTo("Rescheduled from " + month3Due + " to " + movedTo + ": patient away");
        assertThat(rescheduled.getStartElement().getValueAsString()).startsWith(movedTo + "T00:00:00");
        Appointment cancelled = appointments.get(month6.toString());
        assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.getCancelationReason().getText()).isEqualTo("A repeat treatment replaced this visit");
        assertThat(cancelled.getSupportingInformationFirstRep().getReference()).isEqualTo("Procedure/" + first.procedureId());
        assertThat(cancelled.getParticipantFirstRep().getActor().getReference()).isEqualTo("Patient/" + patient);
        assertThat(appointments.values()).allSatisfy(appointment -> assertThat(
                appointment.getAppointmentType().getCodingFirstRep().getCode()).isEqualTo("FOLLOWUP"));

        List<Observation> observations = resources(part, Observation.class);
        assertThat(observations).hasSize(6 + 6 + 3);
        assertThat(observations).allSatisfy(observation -> assertThat(observation.getBasedOnFirstRep().getReference())
                .isEqualTo("CarePlan/" + plan));

        ServiceRequest request = resources(part, ServiceRequest.class).get(0);
        assertThat(request.getIdPart()).isEqualTo(candidate.toString());
        assertThat(request.getStatus()).as("the repeat was done").isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
        assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        assertThat(request.getCode().getCodingFirstRep().getCode()).isEqualTo("CRYONEUROLYSIS");
        assertThat(request.getReasonCodeFirstRep().getText())
                .isEqualTo("Waning relief: relief below 50 %, sensation returned with returning pain");
        assertThat(request.getReasonReference()).extracting(Reference::getReference)
                .contains("Observation/" + UUID.nameUUIDFromBytes(("pain:" + month3).getBytes()));
        assertThat(request.getBasedOnFirstRep().getReference()).isEqualTo("CarePlan/" + plan);

        // every reference inside the part resolves in it; Patient and Procedure are the other services' parts
        Set<String> inPart = part.getEntry().stream()
                .map(entry -> entry.getResource().fhirType() + "/" + entry.getResource().getIdPart())
                .collect(Collectors.toSet());
        List<String> references = part.getEntry().stream()
                .flatMap(entry -> ClinicFhir.context().newTerser()
                        .getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class).stream())
                .map(Reference::getReference).toList();
        assertThat(references).isNotEmpty().allSatisfy(reference -> assertThat(reference.startsWith("Patient/" + patient)
                || reference.startsWith("Procedure/") || inPart.contains(reference)).as(reference).isTrue());

        assertThat(read(patient, ClinicJwt.proceduralist())).as("a second export").isEqualTo(json);
    }

    @Test
    void every_modalitys_follow_up_validates_and_a_safety_check_after_a_serious_complication_is_an_appointment_too()
            throws Exception {
        clock.set(LocalDate.of(2026, 4, 1));
        UUID patient = plans.patient("Every, Eve", 7);
        UUID blocked = null;
        for (Modality modality : Modality.values()) {
            ProcedureFacts procedure = Plans.procedure(patient, PERFORMED, modality, 7, 1, null);
            UUID plan = plans.start(procedure);
            outcome(plans.visit(plan, "WEEK_2"), plan, patient, procedure.procedureId(), PERFORMED.plusDays(14), 3, 60,
                    "ODI", "30", "5", 4, null);
            blocked = modality == Modality.NERVE_BLOCK ? procedure.procedureId() : blocked;
        }
        // a serious complication of the block adds a safety check to its plan (as procedure-service's event does)
        procedureFollowUps.adverseEvent(UUID.randomUUID(), "AdverseEventReported", Instant.parse("2026-03-05T12:00:00Z"),
                new KnownAdverseEvent(UUID.randomUUID(), blocked, patient, "MOTOR_WEAKNESS", "SEVERE", true,
                        PERFORMED.plusDays(2), "ONGOING", null, 0, PERFORMED.plusDays(2), null));

        String json = read(patient, ClinicJwt.proceduralist());

        assertThat(FhirRecordValidator.errors(json)).isEmpty();
        Bundle part = ClinicFhir.bundleFromJson(json);
        assertThat(resources(part, CarePlan.class)).extracting(CarePlan::getTitle).containsExactlyInAnyOrder(
                "Follow-up after cryoneurolysis", "Follow-up after radiofrequency ablation", "Follow-up after nerve block");
        assertThat(resources(part, Appointment.class)).extracting(Appointment::getDescription)
                .contains("Safety check 1 after a serious complication of nerve block");
        assertThat(resources(part, Observation.class)).hasSize(3 * 5);
    }

    @Test
    void an_open_repeat_treatment_candidate_is_an_active_proposal() throws Exception {
        UUID patient = plans.patient("Waning, Will", 8);
        ProcedureFacts procedure = Plans.procedure(patient, PERFORMED, Modality.RADIOFREQUENCY_ABLATION, 8, 1, null);
        UUID plan = plans.start(procedure);
        UUID month3 = plans.visit(plan, "MONTH_3");
        outcome(month3, plan, patient, procedure.procedureId(), PERFORMED.plusDays(90), 7, 10, null, null, null, null, null);
        jdbc.sql("""
                INSERT INTO repeat_candidate (id, plan_id, patient_id, procedure_id, visit_id, reasons, created_at)
                VALUES (?, ?, ?, ?, ?, '{PAIN_REDUCTION_BELOW_50_PERCENT}', ?)""")
                .param(UUID.randomUUID()).param(plan).param(patient).param(procedure.procedureId()).param(month3)
                .param(Timestamp.from(Instant.parse("2026-06-01T08:00:00Z"))).update();

        String json = read(patient, ClinicJwt.clinicAdmin());

        assertThat(FhirRecordValidator.errors(json)).isEmpty();
        ServiceRequest request = resources(ClinicFhir.bundleFromJson(json), ServiceRequest.class).get(0);
        assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(request.getCode().getText()).isEqualTo("Repeat radiofrequency ablation");
        assertThat(request.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("PAIN_REDUCTION_BELOW_50_PERCENT");
    }

    @Test
    void an_oswestry_index_is_coded_in_loinc_as_a_percentage() throws Exception {
        UUID patient = plans.patient("Back, Bea", 7);
        ProcedureFacts procedure = Plans.procedure(patient, PERFORMED, Modality.RADIOFREQUENCY_ABLATION, 7, 1, null);
        UUID plan = plans.start(procedure);
        UUID week2 = plans.visit(plan, "WEEK_2");
        outcome(week2, plan, patient, procedure.procedureId(), PERFORMED.plusDays(14), null, null, "ODI", "24", null, null, null);

        String json = read(patient, ClinicJwt.proceduralist());

        assertThat(FhirRecordValidator.errors(json)).isEmpty();
        Observation odi = resources(ClinicFhir.bundleFromJson(json), Observation.class).get(0);
        assertThat(odi.getCode().getCodingFirstRep().getSystem()).isEqualTo(ClinicCodeSystems.LOINC);
        assertThat(odi.getCode().getCodingFirstRep().getCode()).isEqualTo("97909-6");
        assertThat(odi.getValueQuantity().getCode()).isEqualTo("%");
    }

    @Test
    void a_patients_own_answers_are_observations_performed_by_the_patient_with_the_peg_score() throws Exception {
        UUID patient = plans.patient("Self, Sara", 7);
        ProcedureFacts procedure = Plans.kneeCryo(patient, PERFORMED);
        UUID plan = plans.start(procedure);
        UUID week2 = plans.visit(plan, "WEEK_2");
        outcome(week2, plan, patient, procedure.procedureId(), PERFORMED.plusDays(14), 3, 70, "PEG", "3.3", null, 4,
                false);
        jdbc.sql("UPDATE follow_up_outcome SET reported_by = 'PATIENT' WHERE visit_id = ?").param(week2).update();

        String json = read(patient, ClinicJwt.proceduralist());

        assertThat(FhirRecordValidator.errors(json)).isEmpty();
        List<Observation> observations = resources(ClinicFhir.bundleFromJson(json), Observation.class);
        assertThat(observations).isNotEmpty().allSatisfy(observation -> assertThat(observation.getPerformer())
                .extracting(reference -> reference.getReference()).containsExactly("Patient/" + patient));
        Observation peg = observations.stream()
                .filter(o -> "PEG_SCORE".equals(o.getCode().getCodingFirstRep().getCode())).findFirst().orElseThrow();
        assertThat(peg.getCode().getCodingFirstRep().getSystem()).isEqualTo(ClinicCodeSystems.OBSERVATION);
        assertThat(peg.getValueQuantity().getValue()).isEqualByComparingTo("3.3");
    }

    @Test
    void a_coordinators_entry_names_no_performer() throws Exception {
        UUID patient = plans.patient("Staff, Stan", 7);
        ProcedureFacts procedure = Plans.kneeCryo(patient, PERFORMED);
        UUID plan = plans.start(procedure);
        outcome(plans.visit(plan, "WEEK_2"), plan, patient, procedure.procedureId(), PERFORMED.plusDays(14), 3, null,
                null, null, null, null, null);

        List<Observation> observations = resources(ClinicFhir.bundleFromJson(read(patient, ClinicJwt.proceduralist())),
                Observation.class);
        assertThat(observations).singleElement().satisfies(o -> assertThat(o.hasPerformer()).isFalse());
    }

    @Test
    void two_exports_of_the_same_record_are_identical() throws Exception {
        UUID patient = plans.patient("Same, Sam", 6);
        ProcedureFacts procedure = Plans.kneeCryo(patient, PERFORMED);
        UUID plan = plans.start(procedure);
        outcome(plans.visit(plan, "WEEK_2"), plan, patient, procedure.procedureId(), PERFORMED.plusDays(13), 2, 80,
                "PROMIS_PHYSICAL_FUNCTION", "44", "0", 4, false);

        assertThat(read(patient, ClinicJwt.clinicAdmin())).isEqualTo(read(patient, ClinicJwt.coordinator()));
    }

    @Test
    void a_patient_with_nothing_here_has_an_empty_part() throws Exception {
        String json = read(UUID.randomUUID(), ClinicJwt.coordinator());
        Bundle part = ClinicFhir.bundleFromJson(json);
        assertThat(part.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(part.getEntry()).isEmpty();
        assertThat(FhirRecordValidator.errors(json)).isEmpty();
    }

    @Test
    void reading_the_part_is_audited() throws Exception {
        UUID patient = plans.patient("Audited, Abe", 5);
        read(patient, ClinicJwt.as("proc9", "proceduralist"));
        assertThat(jdbc.sql("SELECT actor || ' ' || role || ' ' || action FROM audit_entry WHERE patient_id = ?")
                .param(patient).query(String.class).list()).containsExactly("proc9 proceduralist FOLLOW_UPS_EXPORTED");
    }

    @Test
    void the_front_desk_may_not_read_the_part_and_a_caller_without_a_token_is_unauthorised() throws Exception {
        UUID patient = plans.patient("Private, Pia", 5);
        mvc.perform(get("/api/followups/fhir").param("patientId", patient.toString()).with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/followups/fhir").param("patientId", patient.toString()))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ?").param(patient)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_missing_or_malformed_patient_id_is_a_bad_request() throws Exception {
        mvc.perform(get("/api/followups/fhir").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/followups/fhir").param("patientId", "not-a-uuid").with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String read(UUID patientId, ClinicToken token) throws Exception {
        return mvc.perform(get("/api/followups/fhir").param("patientId", patientId.toString()).with(token)
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
                .andReturn().getResponse().getContentAsString();
    }

    private void outcome(UUID visit, UUID plan, UUID patient, UUID procedure, LocalDate assessedOn, Integer pain,
            Integer relief, String instrument, String functionValue, String mme, Integer satisfaction,
            Boolean sensationReturned) {
        jdbc.sql("UPDATE follow_up_visit SET state = 'COMPLETED' WHERE id = ?").param(visit).update();
        jdbc.sql("""
                INSERT INTO follow_up_outcome (visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score,
                       relief_percent, function_instrument, function_value, opioid_mme_per_day, satisfaction,
                       sensation_returned, documented_late, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 'coord1', ?)""")
                .param(visit).param(plan).param(patient).param(procedure).param(Date.valueOf(assessedOn)).param(pain)
                .param(relief).param(instrument).param(functionValue == null ? null : new BigDecimal(functionValue))
                .param(mme == null ? null : new BigDecimal(mme)).param(satisfaction).param(sensationReturned)
                .param(Timestamp.from(Instant.parse("2026-09-01T10:00:00Z"))).update();
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
                .toList();
    }
}
