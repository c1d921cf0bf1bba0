package org.clinictracker.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.patients.patient.Address;
import org.clinictracker.patients.patient.EmergencyContact;
import org.clinictracker.patients.patient.Patient;
import org.clinictracker.patients.patient.PatientDetails;
import org.clinictracker.patients.patient.Sex;
import org.clinictracker.patients.patient.Therapy;
import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirRecordProperties;
import org.clinictracker.platform.fhir.RecordPart;
import org.clinictracker.testsupport.FhirRecordValidator;
import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.IndicationEntry;
import org.clinictracker.vocabulary.Laterality;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A chart as FHIR resources, from the barest registration to a full intake, each valid R4 by HAPI's validator. */
class ChartAsFhirTest {

    private static final FhirRecordProperties FHIR = new FhirRecordProperties("https://clinic.example/api/fhir");
    private static final Instant REGISTERED = Instant.parse("2026-03-10T08:15:00Z");

    @Test
    void a_bare_registration_is_a_patient_with_its_mrn_and_nothing_made_up() {
        Patient chart = chart(new PatientDetails("Ana", "Zqbare", LocalDate.of(1950, 2, 3), Sex.UNKNOWN, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of()));

        List<Resource> resources = ChartAsFhir.resources(chart);

        assertThat(resources).extracting(Resource::fhirType).containsExactly("Patient");
        var patient = (org.hl7.fhir.r4.model.Patient) resources.get(0);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("CT-000042-7");
        assertThat(patient.getGender().toCode()).isEqualTo("unknown");
        assertThat(patient.hasTelecom() || patient.hasAddress() || patient.hasCommunication() || patient.hasContact()).isFalse();
        assertValid(resources);
    }

    @ParameterizedTest
    @EnumSource(Laterality.class)
    void the_pain_site_carries_its_side_as_snomed_qualifies_it(Laterality side) {
        List<Resource> resources = ChartAsFhir.resources(chart(intake(Indication.KNEE_OSTEOARTHRITIS, "knee", side, "en")));

        BodyStructure site = only(resources, BodyStructure.class);
        assertThat(site.getLocationQualifierFirstRep().getCodingFirstRep().getSystem()).isEqualTo(ClinicCodeSystems.SNOMED);
        assertThat(site.getDescription()).isEqualTo(side.name().toLowerCase() + " knee");
        assertValid(resources);
    }

    @Test
    void an_indication_without_icd10_is_coded_by_the_clinic_and_described_by_its_text() {
        List<Resource> resources = ChartAsFhir.resources(chart(intake(Indication.OTHER, null, null, "en")));

        Condition condition = only(resources, Condition.class);
        assertThat(condition.getCode().getCoding()).extracting(coding -> coding.getSystem() + "|" + coding.getCode())
                .containsExactly(ClinicCodeSystems.INDICATION + "|OTHER");
        assertThat(condition.getCode().getText()).isEqualTo("Pain after a crush injury of the foot");
        assertThat(condition.hasBodySite()).isFalse();
        assertValid(resources);
    }

    @Test
    void pain_for_eighteen_months_at_intake_began_eighteen_months_before_the_chart() {
        Condition condition = only(ChartAsFhir.resources(chart(intake(Indication.KNEE_OSTEOARTHRITIS, "knee", Laterality.LEFT, "en"))),
                Condition.class);

        assertThat(condition.getOnsetDateTimeType().getValueAsString()).isEqualTo("2024-09");
        assertThat(condition.getRecordedDateElement().getValueAsString()).isEqualTo("2026-03-10T08:15:00Z");
    }

    @Test
    void a_language_r4_does_not_list_is_coded_by_its_language_and_kept_as_text() {
        for (String tag : List.of("pt-PT", "fr-CA", "zh-Hant-TW", "tlh")) {
            List<Resource> resources = ChartAsFhir.resources(chart(intake(Indication.KNEE_OSTEOARTHRITIS, null, null, tag)));
            var language = ((org.hl7.fhir.r4.model.Patient) resources.get(0)).getCommunicationFirstRep().getLanguage();

            assertThat(language.getText()).isEqualTo(tag);
            assertThat(language.getCoding()).extracting(coding -> coding.getCode())
                    .isEqualTo(tag.equals("tlh") ? List.of() : List.of(tag.substring(0, 2)));
            assertValid(resources);
        }
    }

    @Test
    void every_language_r4_lists_is_valid_as_it_is() {
        var patient = new org.hl7.fhir.r4.model.Patient();
        patient.setId(UUID.randomUUID().toString());
        CommonLanguages.R4_COMMON.values().forEach(tag -> patient.addCommunication().setLanguage(CommonLanguages.of(tag)));

        assertThat(patient.getCommunication()).allSatisfy(communication ->
                assertThat(communication.getLanguage().getCodingFirstRep().getCode()).isEqualTo(communication.getLanguage().getText()));
        assertThat(FhirRecordValidator.errors(ClinicFhir.toJson(patient))).isEmpty();
    }

    @Test
    void the_same_chart_renders_the_same_resources_every_time() {
        Patient chart = chart(intake(Indication.LOW_BACK_FACET_PAIN, "lower back", Laterality.BILATERAL, "de-CH"));

        assertThat(json(ChartAsFhir.resources(chart))).isEqualTo(json(ChartAsFhir.resources(chart)));
        assertThat(ChartAsFhir.resources(chart)).extracting(Resource::getIdPart)
                .contains(chart.id().toString(), ChartAsFhir.derivedId("indication", chart.id()));
    }

    private static PatientDetails intake(Indication indication, String painLocation, Laterality laterality, String language) {
        String text = indication == Indication.OTHER ? "Pain after a crush injury of the foot" : null;
        return new PatientDetails("Maria", "Zqintake", LocalDate.of(1961, 4, 17), Sex.FEMALE, "+351 912 000 000",
                "maria@example.org", new Address("12 Harbour Road", "2nd floor", "Porto", "Porto", "4000-123", "PT"),
                language, new EmergencyContact("Rui Silva", "+351 900 000 000", "spouse"), null, "Dr. Ana Costa",
                new IndicationEntry(indication, text), painLocation, laterality, 18, 7, new BigDecimal("22.5"), false,
                List.of(Therapy.NSAID), List.of());
    }

    private static Patient chart(PatientDetails details) {
        UUID id = UUID.nameUUIDFromBytes(details.toString().getBytes());
        return new Patient(id, "CT-000042-7", 3, details, REGISTERED, "frontdesk1", REGISTERED.plusSeconds(3600), "frontdesk1");
    }

    private static void assertValid(List<Resource> resources) {
        assertThat(FhirRecordValidator.errors(ClinicFhir.toJson(RecordPart.of(FHIR, resources)))).isEmpty();
    }

    private static List<String> json(List<Resource> resources) {
        return resources.stream().map(ClinicFhir::toJson).toList();
    }

    private static <T extends Resource> T only(List<Resource> resources, Class<T> type) {
        List<T> found = resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
