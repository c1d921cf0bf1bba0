package org.clinictracker.patients.screening;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.clinictracker.vocabulary.Modality;

/**
 * The candidacy questions the front desk asks (domain.md, "Candidacy screening"). A {@code null}
 * answer means "not known" and sends the screening to a proceduralist for review.
 *
 * @param anticoagulationHeld for an anticoagulated patient: will the anticoagulant be held for the procedure
 * @param plannedModality     cold-specific conditions only rule out cryoneurolysis; unknown counts as cryoneurolysis
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
        Modality plannedModality) {
}
