package org.clinictracker.followups.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import org.clinictracker.followups.fhir.FollowUpRecordRepository.RecordedOutcome;
import org.clinictracker.followups.outcome.FunctionInstrument;
import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * A visit's outcome as one {@code Observation} per measure the coordinator recorded or the patient answered (then
 * {@code performer} is the Patient). Codes: LOINC where a LOINC
 * term names exactly what the clinic measures, else the clinic's own {@link ClinicCodeSystems#OBSERVATION} codes
 * with their meaning in words (validators warn "unknown code system", never fail).
 */
@Component
class OutcomeObservations {

    /** The measures of an outcome; {@code key} names the resource id derived from the visit. */
    enum Measure {
        PAIN("pain"), RELIEF("relief"), FUNCTION("function"), OPIOID_USE("opioid"), SATISFACTION("satisfaction"),
        SENSATION("sensation");

        private final String key;

        Measure(String key) {
            this.key = key;
        }

        /**
         * The Observation's id: one row holds several measures, so each gets a name-based UUID of (measure, visit);
         * the same outcome exported twice has the same ids.
         */
        String idFor(UUID visitId) {
            return UUID.nameUUIDFromBytes((key + ":" + visitId).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    static final CodeableConcept PAIN_SCORE = concept(ClinicCodeSystems.LOINC, ClinicCodeSystems.LOINC_PAIN_SEVERITY,
            ClinicCodeSystems.LOINC_PAIN_SEVERITY_DISPLAY, "Pain score (0-10)");
    /*
     * The patient's own estimate of how much of the pain the procedure took away. LOINC has no term for a global
     * percentage of pain relief (its pain terms are intensities), so a local code.
     */
    static final CodeableConcept RELIEF_PERCENT = local("PAIN_RELIEF_PERCENT",
            "Pain relief since the procedure, the patient's estimate (%)");
    /*
     * ODI: LOINC 97909-6 is the index as a percentage, comparable across ODI versions (its definition), exactly what
     * the clinic records (2.1a, 0-100). WOMAC (3.1 Likert total 0-96) and the PROMIS physical function T-score have
     * LOINC terms only per version or form (PROMIS 1.2, PROMIS-29...), and the clinic does not record which: local.
     */
    static final CodeableConcept ODI = concept(ClinicCodeSystems.LOINC, "97909-6", "Oswestry disability index score ODI",
            "Oswestry Disability Index (0-100 %)");
    static final CodeableConcept WOMAC = local("WOMAC_TOTAL", "WOMAC 3.1 Likert total score (0-96)");
    static final CodeableConcept PROMIS_PHYSICAL_FUNCTION = local("PROMIS_PHYSICAL_FUNCTION_T_SCORE",
            "PROMIS physical function T-score");
    /*
     * PEG (Krebs et al. 2009): the mean of three 0-10 items. LOINC has panel and item terms for PEG, but the clinic
     * stores the mean computed here, not LOINC's form: a local code like the other instruments whose form is open.
     */
    static final CodeableConcept PEG = local("PEG_SCORE",
            "PEG pain intensity and interference score, mean of three 0-10 items (0-10)");
    /* Morphine milligram equivalents per day: no LOINC term for a total daily MME, so local; the unit is UCUM mg/d. */
    static final CodeableConcept OPIOID_USE = local("OPIOID_MME_PER_DAY",
            "Opioid use, morphine milligram equivalents per day");
    static final CodeableConcept SATISFACTION = local("TREATMENT_SATISFACTION",
            "Satisfaction with the treatment (1 very dissatisfied - 5 very satisfied)");
    static final CodeableConcept SENSATION_RETURNED = local("SENSATION_RETURNED",
            "Sensation returned in the treated area");

    private static final CodeableConcept SURVEY = concept(ClinicCodeSystems.OBSERVATION_CATEGORY, "survey", "Survey",
            null);

    List<Observation> of(RecordedOutcome outcome) {
        List<Observation> observations = new ArrayList<>();
        if (outcome.painScore() != null) {
            observations.add(observation(outcome, Measure.PAIN, PAIN_SCORE, new IntegerType(outcome.painScore())));
        }
        if (outcome.reliefPercent() != null) {
            observations.add(observation(outcome, Measure.RELIEF, RELIEF_PERCENT,
                    quantity(BigDecimal.valueOf(outcome.reliefPercent()), "%", "%")));
        }
        if (outcome.functionInstrument() != null && outcome.functionValue() != null) {
            observations.add(observation(outcome, Measure.FUNCTION, function(outcome.functionInstrument()),
                    functionValue(outcome.functionInstrument(), outcome.functionValue())));
        }
        if (outcome.opioidMmePerDay() != null) {
            observations.add(observation(outcome, Measure.OPIOID_USE, OPIOID_USE,
                    quantity(outcome.opioidMmePerDay(), "MME/day", "mg/d")));
        }
        if (outcome.satisfaction() != null) {
            observations.add(observation(outcome, Measure.SATISFACTION, SATISFACTION,
                    new IntegerType(outcome.satisfaction())));
        }
        if (outcome.sensationReturned() != null) {
            observations.add(observation(outcome, Measure.SENSATION, SENSATION_RETURNED,
                    new BooleanType(outcome.sensationReturned())));
        }
        return observations;
    }

    private static Observation observation(RecordedOutcome outcome, Measure measure, CodeableConcept code, Type value) {
        Observation observation = new Observation();
        observation.setId(measure.idFor(outcome.visitId()));
        observation.setStatus(ObservationStatus.FINAL);
        observation.addCategory(SURVEY.copy());
        observation.setCode(code.copy());
        observation.setSubject(new Reference("Patient/" + outcome.patientId()));
        // Not partOf: that is for observations made during the procedure. The score is the patient's, taken weeks
        // later, but it is what the procedure is judged by: focus names the procedure it is the outcome of.
        observation.addFocus(new Reference("Procedure/" + outcome.procedureId()));
        // the follow-up plan whose visit asked for it
        observation.addBasedOn(new Reference("CarePlan/" + outcome.planId()));
        // the day the patient was assessed (the clinic records the day, not the hour); issued = when it was recorded
        observation.setEffective(new DateTimeType(outcome.assessedOn().toString()));
        observation.setIssuedElement(new InstantType(Date.from(outcome.recordedAt()), TemporalPrecisionEnum.MILLI,
                TimeZone.getTimeZone("UTC")));
        observation.setValue(value);
        if (outcome.patientReported()) {
            // the patient answered through the follow-up link: the patient is who reported the value
            observation.addPerformer(new Reference("Patient/" + outcome.patientId()));
        }
        return observation;
    }

    private static CodeableConcept function(FunctionInstrument instrument) {
        return switch (instrument) {
            case WOMAC -> WOMAC;
            case ODI -> ODI;
            case PROMIS_PHYSICAL_FUNCTION -> PROMIS_PHYSICAL_FUNCTION;
            case PEG -> PEG;
        };
    }

    private static Quantity functionValue(FunctionInstrument instrument, BigDecimal value) {
        return instrument == FunctionInstrument.ODI ? quantity(value, "%", "%") : quantity(value, "score", "{score}");
    }

    private static Quantity quantity(BigDecimal value, String unit, String ucumCode) {
        return new Quantity().setValue(value).setUnit(unit).setSystem(ClinicCodeSystems.UCUM).setCode(ucumCode);
    }

    private static CodeableConcept local(String code, String meaning) {
        return concept(ClinicCodeSystems.OBSERVATION, code, meaning, meaning);
    }

    private static CodeableConcept concept(String system, String code, String display, String text) {
        CodeableConcept concept = new CodeableConcept(new Coding(system, code, display));
        return text == null ? concept : concept.setText(text);
    }
}
