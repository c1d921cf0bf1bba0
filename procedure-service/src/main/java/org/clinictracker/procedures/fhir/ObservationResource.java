package org.clinictracker.procedures.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.platform.fhir.ClinicCodeSystems;
import org.clinictracker.procedures.procedure.CryoParameters;
import org.clinictracker.procedures.procedure.FreezeCycle;
import org.clinictracker.procedures.procedure.ProcedureRecord;
import org.clinictracker.procedures.procedure.RfaParameters;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * What was measured during a procedure, each an Observation that is {@code partOf} it (R4: "an observation as part
 * of a procedure"): the pain score just before and after, and the device's settings, which R4's Procedure has no
 * element for: probe or lesion temperature in UCUM {@code Cel}, freeze cycles and lesion times in {@code s}.
 * The settings use the clinic's own observation codes (no LOINC code describes a cryoprobe's tip temperature).
 */
final class ObservationResource {

    /** LOINC 72514-3: the 0-10 numeric pain score, as the follow-up visits record it too. */
    static final String PAIN_SCORE = ClinicCodeSystems.LOINC_PAIN_SEVERITY;
    private static final String PAIN_SCORE_NAME = ClinicCodeSystems.LOINC_PAIN_SEVERITY_DISPLAY;

    private ObservationResource() {
    }

    /** The pain scores the proceduralist logged before and after, where given. */
    static List<Observation> painScores(ProcedureRecord record) {
        List<Observation> scores = new ArrayList<>();
        Integer before = record.details().painBefore();
        Integer after = record.details().painAfter();
        if (before != null) {
            scores.add(painScore(record, "pain-before", before, "Pain score just before the procedure"));
        }
        if (after != null) {
            scores.add(painScore(record, "pain-after", after, "Pain score just after the procedure"));
        }
        return scores;
    }

    private static Observation painScore(ProcedureRecord record, String kind, int score, String text) {
        Observation pain = measured(record, kind, category("survey", "Survey"),
                new CodeableConcept(new Coding(ClinicCodeSystems.LOINC, PAIN_SCORE, PAIN_SCORE_NAME)).setText(text));
        return pain.setValue(new IntegerType(score));
    }

    /** The device's settings of a cryoneurolysis or an RFA; none for a block (its agent is on the Procedure). */
    static List<Observation> settings(ProcedureRecord record, Optional<Device> device) {
        List<Observation> settings = new ArrayList<>();
        CryoParameters cryo = record.details().cryo();
        RfaParameters rfa = record.details().rfa();
        if (cryo != null) {
            settings.add(setting(record, "probe-temperature", "Cryoprobe tip temperature",
                    celsius(cryo.probeTemperatureCelsius())));
            Observation cycles = setting(record, "freeze-cycles", "Freeze cycles", new IntegerType(cryo.cycles().size()));
            for (FreezeCycle cycle : cryo.cycles()) {
                cycles.addComponent().setCode(localCode("freeze-duration", "Freeze duration"))
                        .setValue(seconds(cycle.seconds()));
            }
            settings.add(cycles);
            if (cryo.thawSeconds() != null) {
                settings.add(setting(record, "thaw-duration", "Thaw between freezes", seconds(cryo.thawSeconds())));
            }
            if (cryo.iceBallVisualized() != null) {
                settings.add(setting(record, "ice-ball-visualized", "Ice ball seen on imaging",
                        new BooleanType(cryo.iceBallVisualized())));
            }
        }
        if (rfa != null) {
            settings.add(setting(record, "lesion-temperature", "Radiofrequency lesion temperature",
                    celsius(rfa.lesionTemperatureCelsius())));
            settings.add(setting(record, "lesion-duration", "Time per lesion", seconds(rfa.secondsPerLesion())));
            settings.add(setting(record, "lesion-count", "Number of lesions", new IntegerType(rfa.lesionCount())));
        }
        device.ifPresent(used -> settings.forEach(setting -> setting.setDevice(RecordIds.to(used))));
        return settings;
    }

    private static Observation setting(ProcedureRecord record, String code, String name, Type value) {
        return measured(record, code, category("procedure", "Procedure"), localCode(code, name)).setValue(value);
    }

    private static Observation measured(ProcedureRecord record, String kind, CodeableConcept category,
            CodeableConcept code) {
        Observation observation = new Observation();
        observation.setId(RecordIds.derived(kind, record.id()));
        observation.setStatus(ObservationStatus.FINAL);
        observation.addCategory(category);
        observation.setCode(code);
        observation.setSubject(RecordIds.patient(record.patientId()));
        observation.setEffective(RecordIds.dateTime(record.details().performedAt()));
        observation.addPartOf(RecordIds.procedure(record.id()));
        return observation;
    }

    private static CodeableConcept category(String code, String display) {
        return new CodeableConcept(new Coding(ClinicCodeSystems.OBSERVATION_CATEGORY, code, display));
    }

    private static CodeableConcept localCode(String code, String name) {
        return new CodeableConcept(new Coding(ClinicCodeSystems.OBSERVATION, code, name)).setText(name);
    }

    private static Quantity celsius(BigDecimal degrees) {
        return new Quantity().setValue(degrees).setUnit("°C").setSystem(ClinicCodeSystems.UCUM).setCode("Cel");
    }

    private static Quantity seconds(int seconds) {
        return new Quantity().setValue(seconds).setUnit("s").setSystem(ClinicCodeSystems.UCUM).setCode("s");
    }
}
