package org.clinictracker.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clinictracker.testsupport.FhirRecordValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class RecordPartTest {

    private final FhirRecordProperties fhir = new FhirRecordProperties("http://clinic.example/api/fhir/");

    @Test
    void aPartIsACollectionOfResourcesNamedUnderTheClinicsBase() {
        Patient patient = new Patient();
        patient.setId("9b2f4c1e-0000-4000-8000-000000000001");
        patient.addName().setFamily("Łukasiewicz").addGiven("Zoë");
        patient.setGender(AdministrativeGender.FEMALE);

        Bundle part = RecordPart.of(fhir, List.of(patient));

        assertThat(part.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(part.getEntryFirstRep().getFullUrl())
                .isEqualTo("http://clinic.example/api/fhir/Patient/9b2f4c1e-0000-4000-8000-000000000001");
        String json = ClinicFhir.toJson(part);
        assertThat(ClinicFhir.bundleFromJson(json).getEntryFirstRep().getResource()).isInstanceOf(Patient.class);
        assertThat(FhirRecordValidator.errors(json)).isEmpty();
    }

    @Test
    void theValidatorFindsAnInvalidRecord() {
        // an AdverseEvent without its required actuality and subject
        String json = "{\"resourceType\":\"AdverseEvent\",\"id\":\"x1\"}";

        assertThat(FhirRecordValidator.errors(json)).isNotEmpty();
    }

    @Test
    void warmingUpReadsAndWritesEveryResourceTypeOfARecord() {
        ClinicFhir.warmUp();

        assertThat(ClinicFhir.RECORD_RESOURCE_TYPES).allSatisfy(type ->
                assertThat(ClinicFhir.context().getResourceDefinition(type).getName()).isEqualTo(type));
    }
}
