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
import java.util.UUID;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.ClinicToken;
import org.clinictracker.testsupport.FhirRecordValidator;
import org.clinictracker.vocabulary.Modality;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
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
                .param(patient).query(String.class).list()).containsExactly("proc9 proceduralist FOLLOW_UP_FHIR_RECORD_READ");
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
