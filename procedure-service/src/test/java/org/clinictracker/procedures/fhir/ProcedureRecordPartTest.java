package org.clinictracker.procedures.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirRecordProperties;
import org.clinictracker.platform.fhir.RecordPart;
import org.clinictracker.procedures.adverse.AdverseEvent;
import org.clinictracker.procedures.adverse.AdverseEventSource;
import org.clinictracker.procedures.procedure.ImagingGuidance;
import org.clinictracker.procedures.procedure.ProcedureDetails;
import org.clinictracker.procedures.procedure.ProcedureRecord;
import org.clinictracker.procedures.procedure.RfaParameters;
import org.clinictracker.procedures.procedure.RfaVariant;
import org.clinictracker.procedures.procedure.TargetSite;
import org.clinictracker.procedures.repeat.RepeatLinkage;
import org.clinictracker.testsupport.FhirRecordValidator;
import org.clinictracker.vocabulary.AdverseEventOutcome;
import org.clinictracker.vocabulary.AdverseEventType;
import org.clinictracker.vocabulary.Laterality;
import org.clinictracker.vocabulary.Modality;
import org.clinictracker.vocabulary.Severity;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The cases the integration test does not log: a midline target outside the catalogue, a nerve whose name starts
 * with its level, no device, no indication, no pain scores, a third treatment that came early, a complication still
 * resolving, one resolved with sequelae and one the clinician described. Rendered without the service: the renderers
 * are pure.
 */
class ProcedureRecordPartTest {

    private static final UUID PATIENT = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001");
    private static final UUID PROCEDURE = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000002");
    private static final UUID EARLIER = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000003");
    private static final Instant PERFORMED = Instant.parse("2026-06-01T09:30:00Z");

    private final ProcedureRecord pulsedRfa = new ProcedureRecord(PROCEDURE, 0, new ProcedureDetails(PATIENT, PERFORMED,
            Modality.RADIOFREQUENCY_ABLATION, null,
            List.of(new TargetSite("OTHER", Laterality.MIDLINE, null, "Ganglion impar"),
                    new TargetSite("L5_DORSAL_RAMUS", Laterality.RIGHT, null, null)),
            ImagingGuidance.LANDMARK, null, null, new RfaParameters(RfaVariant.PULSED, new BigDecimal("42"), 240, 2),
            null, null, null, null, null, null, List.of(), null, List.of(), null),
            "proceduralist1", List.of(), new RepeatLinkage.Link(3, EARLIER, 60, true), PERFORMED, "proceduralist1",
            null, null);

    private final List<AdverseEvent> complications = List.of(
            complication(AdverseEventType.SORENESS, null, AdverseEventOutcome.RESOLVING, null),
            complication(AdverseEventType.NEUROMA, null, AdverseEventOutcome.RESOLVED_WITH_SEQUELAE,
                    LocalDate.parse("2026-08-01")),
            complication(AdverseEventType.OTHER, "Vasovagal episode", AdverseEventOutcome.RESOLVED,
                    LocalDate.parse("2026-06-01")));

    private final List<Resource> part = ProcedureRecordPart.resourcesOf(pulsedRfa, complications);

    @Test
    void the_part_is_valid_fhir_r4() {
        String json = ClinicFhir.toJson(RecordPart.of(new FhirRecordProperties(null), part));

        assertThat(FhirRecordValidator.errors(json)).isEmpty();
    }

    @Test
    void a_midline_target_has_no_side_code_and_names_its_described_nerve() {
        Procedure procedure = only(Procedure.class);
        assertThat(procedure.getBodySite()).extracting(CodeableConcept::getText)
                .containsExactly("Midline ganglion impar", "Right L5 dorsal ramus");

        List<BodyStructure> targets = all(BodyStructure.class);
        assertThat(targets.get(0).getLocationQualifier()).isEmpty();
        assertThat(targets.get(0).getDescription()).isEqualTo("Midline ganglion impar");
        assertThat(targets.get(1).getLocationQualifierFirstRep().getCodingFirstRep().getCode()).isEqualTo("419465000");
    }

    @Test
    void without_a_device_nothing_refers_to_one_and_a_landmark_case_says_it_used_no_imaging() {
        Procedure procedure = only(Procedure.class);
        assertThat(procedure.getFocalDevice()).isEmpty();
        assertThat(procedure.getReasonCode()).isEmpty();
        assertThat(procedure.getUsedCode()).isEmpty();
        assertThat(procedure.getCode().getText()).isEqualTo("Radiofrequency ablation (pulsed)");
        assertThat(procedure.getNote()).extracting(note -> note.getText())
                .contains("Landmark-guided: no imaging")
                .anySatisfy(note -> assertThat(note).isEqualTo("Repeat treatment 3 of the same targets, after Procedure/"
                        + EARLIER + " (60 days earlier); early repeat (under 90 days)"));
        assertThat(all(Observation.class)).isNotEmpty().allSatisfy(setting -> assertThat(setting.hasDevice()).isFalse());
        assertThat(all(Observation.class)).noneSatisfy(
                o -> assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo(ObservationResource.PAIN_SCORE));
    }

    @Test
    void only_a_resolved_complication_has_abated() {
        List<Condition> conditions = all(Condition.class);
        assertThat(conditions).extracting(c -> c.getClinicalStatus().getCodingFirstRep().getCode())
                .containsExactly("active", "resolved", "resolved");
        assertThat(conditions.get(0).hasAbatement()).isFalse();
        assertThat(conditions.get(1).getAbatementDateTimeType().getValueAsString()).isEqualTo("2026-08-01");
        assertThat(conditions.get(2).getCode().getText()).isEqualTo("Other: Vasovagal episode");
        assertThat(all(org.hl7.fhir.r4.model.AdverseEvent.class))
                .extracting(e -> e.getOutcome().getCodingFirstRep().getCode())
                .containsExactly("recovering", "resolvedWithSequelae", "resolved");
    }

    @Test
    void rendering_the_same_record_twice_gives_the_same_resources() {
        List<Resource> again = ProcedureRecordPart.resourcesOf(pulsedRfa, complications);
        assertThat(again).extracting(Resource::getId).isEqualTo(part.stream().map(Resource::getId).toList());
        assertThat(ClinicFhir.toJson(RecordPart.of(new FhirRecordProperties(null), again)))
                .isEqualTo(ClinicFhir.toJson(RecordPart.of(new FhirRecordProperties(null), part)));
    }

    private AdverseEvent complication(AdverseEventType type, String description, AdverseEventOutcome outcome,
            LocalDate resolvedOn) {
        UUID id = UUID.nameUUIDFromBytes(type.name().getBytes());
        return new AdverseEvent(id, PROCEDURE, PATIENT, 0, type, description, Severity.MILD, false,
                LocalDate.parse("2026-06-02"), outcome, resolvedOn, null, PERFORMED, "proceduralist1", PERFORMED,
                "proceduralist1", AdverseEventSource.PROCEDURALIST, null, null);
    }

    private <T extends Resource> List<T> all(Class<T> type) {
        return part.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends Resource> T only(Class<T> type) {
        assertThat(all(type)).hasSize(1);
        return all(type).get(0);
    }
}
