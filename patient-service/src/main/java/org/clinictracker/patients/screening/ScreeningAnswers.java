package org.clinictracker.patients.screening;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.clinictracker.vocabulary.Modality;

/**
 * The candidacy questions the front desk asks (domain.md, "Candidacy screening"). A {@code null}
 * answer means "not known" and sends the screening to a proceduralist for review.
 *
 * <p>
 * Anticoagulation (domain.md: "anticoagulation that is not held" is a contraindication) is two answers:
 * {@code anticoagulated} (when {@code null}, the chart's intake answer counts; when both are unknown the
 * screening needs review) and, for an anticoagulated patient, {@code anticoagulationHeld}: {@code false}
 * makes the patient not eligible, {@code null} needs review, {@code true} is fine.
 *
 * @param anticoagulated      is the patient on an anticoagulant now; {@code null}: take the chart's answer
 * @param anticoagulationHeld for an anticoagulated patient: will the anticoagulant be held for the procedure
 * @param plannedModality     which modality the headline {@code result} is about; every modality is judged
 *                            anyway, and with none planned the headline is cryoneurolysis (the strictest)
 */
public record ScreeningAnswers(
        @Min(0) @Max(1200) Integer chronicPainMonths,
        Boolean peripheralNerveDistribution,
        Boolean refractoryToMedication,
        Boolean refractoryToPhysicalTherapy,
        Boolean activeInfection,
        Boolean coagulopathy,
        Boolean severePeripheralVascularDisease,
        Boolean coldIntolerance,
        Boolean anticoagulationHeld,
        Modality plannedModality,
        Boolean anticoagulated) {
}
