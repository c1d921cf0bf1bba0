package org.clinictracker.democlinic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A patient of the demo clinic: what the front desk registered and screened, a proceduralist's override of the
 * screening if there was one, and the treatments in the order they were performed.
 */
final class DemoPatient {

    final String givenName;
    final String familyName;
    final LocalDate birthDate;
    final String sex;
    final Map<String, Object> intake = new LinkedHashMap<>();
    final Map<String, Object> screening = new LinkedHashMap<>();
    Map<String, Object> override;
    final List<Treatment> treatments = new ArrayList<>();

    private DemoPatient(String givenName, String familyName, String birthDate, String sex) {
        this.givenName = givenName;
        this.familyName = familyName;
        this.birthDate = LocalDate.parse(birthDate);
        this.sex = sex;
        // the answers of a good candidate; the variants below change one or two of them
        screening.put("chronicPainMonths", 12);
        screening.put("peripheralNerveDistribution", true);
        screening.put("refractoryToMedication", true);
        screening.put("refractoryToPhysicalTherapy", true);
        screening.put("activeInfection", false);
        screening.put("coagulopathy", false);
        screening.put("severePeripheralVascularDisease", false);
        screening.put("coldIntolerance", false);
        anticoagulated(false);
    }

    static DemoPatient woman(String givenName, String familyName, String birthDate) {
        return new DemoPatient(givenName, familyName, birthDate, "FEMALE");
    }

    static DemoPatient man(String givenName, String familyName, String birthDate) {
        return new DemoPatient(givenName, familyName, birthDate, "MALE");
    }

    String displayName() {
        return givenName + " " + familyName;
    }

    /** Why they come: indication code, where it hurts and on which side, for how long, how much (0–10). */
    DemoPatient presents(String indication, String painLocation, String laterality, int painDurationMonths,
            int baselinePainScore) {
        intake.put("indication", Map.of("code", indication));
        intake.put("painLocation", painLocation);
        intake.put("laterality", laterality);
        intake.put("painDurationMonths", painDurationMonths);
        intake.put("baselinePainScore", baselinePainScore);
        screening.put("chronicPainMonths", painDurationMonths);
        return this;
    }

    /** An indication outside the catalogue ({@code OTHER}) with its description. */
    DemoPatient presentsOther(String description, String painLocation, String laterality, int painDurationMonths,
            int baselinePainScore) {
        presents("OTHER", painLocation, laterality, painDurationMonths, baselinePainScore);
        intake.put("indication", Map.of("code", "OTHER", "text", description));
        return this;
    }


    DemoPatient speaks(String languageTag) {
        intake.put("preferredLanguage", languageTag);
        return this;
    }




    /** Opioids (MME/day) and the therapies already tried (Therapy codes). */
    DemoPatient takes(double opioidMmePerDay, String... therapies) {
        intake.put("opioidMmePerDay", opioidMmePerDay);
        intake.put("currentTherapies", List.of(therapies));
        return this;
    }

    DemoPatient anticoagulated(boolean anticoagulated) {
        intake.put("anticoagulated", anticoagulated);
        screening.put("anticoagulated", anticoagulated);
        return this;
    }

    /** Changes one screening answer from a good candidate's (e.g. {@code coldIntolerance: true}). */
    DemoPatient answers(String question, Object answer) {
        if (answer == null) {
            screening.remove(question);
        } else {
            screening.put(question, answer);
        }
        return this;
    }

    DemoPatient screenedFor(String plannedModality) {
        screening.put("plannedModality", plannedModality);
        return this;
    }

    /** A proceduralist decides against the rules' verdict (ELIGIBLE by default), with the reason kept on the chart. */
    DemoPatient overriddenBy(String reason, String... modalities) {
        override = new LinkedHashMap<>();
        override.put("reason", reason);
        if (modalities.length > 0) {
            override.put("modalities", List.of(modalities));
        }
        return this;
    }

    DemoPatient treated(Treatment treatment) {
        treatments.add(treatment);
        return this;
    }

    String indicationCode() {
        @SuppressWarnings("unchecked")
        Map<String, Object> indication = (Map<String, Object>) intake.get("indication");
        return indication == null ? "OTHER" : (String) indication.get("code");
    }

    Double opioidMmePerDay() {
        return (Double) intake.get("opioidMmePerDay");
    }
}
