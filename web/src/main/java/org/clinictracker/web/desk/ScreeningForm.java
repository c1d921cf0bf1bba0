package org.clinictracker.web.desk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.validation.Errors;

/**
 * The candidacy questionnaire as the front desk answers it (domain.md, "Candidacy screening"), each input named as
 * the API names the answer. A yes/no question may stay "not known" (empty): the API then leaves the decision to a
 * proceduralist rather than assume "no".
 */
public class ScreeningForm {

    private String idempotencyKey;
    private String chronicPainMonths;
    private String plannedModality;
    private String peripheralNerveDistribution;
    private String refractoryToMedication;
    private String refractoryToPhysicalTherapy;
    private String activeInfection;
    private String coagulopathy;
    private String anticoagulated;
    private String anticoagulationHeld;
    private String severePeripheralVascularDisease;
    private String coldIntolerance;

    /** A new questionnaire; the pain's duration starts as the chart's intake recorded it. */
    static ScreeningForm blank(Object chartPainMonths) {
        ScreeningForm form = new ScreeningForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        form.chronicPainMonths = chartPainMonths == null ? null : String.valueOf(chartPainMonths);
        return form;
    }

    void check(Errors errors) {
        PatientDetailsForm.wholeNumber(errors, "chronicPainMonths", chronicPainMonths,
                "must be a whole number of months, e.g. 6");
        answers().forEach((question, answer) -> PatientDetailsForm.yesOrNo(errors, question, answer));
    }

    Map<String, Object> toApiBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (PatientDetailsForm.present(chronicPainMonths)) {
            body.put("chronicPainMonths", Integer.valueOf(chronicPainMonths.trim()));
        }
        answers().forEach((question, answer) -> {
            if (PatientDetailsForm.present(answer)) {
                body.put(question, Boolean.valueOf(answer.trim()));
            }
        });
        PatientDetailsForm.put(body, "plannedModality", plannedModality);
        return body;
    }

    /** The yes/no answers by the API's names, in the order they are asked: "true", "false", or empty (not known). */
    Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("peripheralNerveDistribution", peripheralNerveDistribution);
        answers.put("refractoryToMedication", refractoryToMedication);
        answers.put("refractoryToPhysicalTherapy", refractoryToPhysicalTherapy);
        answers.put("activeInfection", activeInfection);
        answers.put("coagulopathy", coagulopathy);
        answers.put("anticoagulated", anticoagulated);
        answers.put("anticoagulationHeld", anticoagulationHeld);
        answers.put("severePeripheralVascularDisease", severePeripheralVascularDisease);
        answers.put("coldIntolerance", coldIntolerance);
        return answers;
    }

    /** One answer for the radio buttons: "true", "false" or "" (not known). */
    public String answer(String question) {
        String answer = answers().get(question);
        return answer == null ? "" : answer.trim();
    }

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getChronicPainMonths() { return chronicPainMonths; }
    public void setChronicPainMonths(String chronicPainMonths) { this.chronicPainMonths = chronicPainMonths; }
    public String getPlannedModality() { return plannedModality; }
    public void setPlannedModality(String plannedModality) { this.plannedModality = plannedModality; }
    public String getPeripheralNerveDistribution() { return peripheralNerveDistribution; }
    public void setPeripheralNerveDistribution(String peripheralNerveDistribution) { this.peripheralNerveDistribution = peripheralNerveDistribution; }
    public String getRefractoryToMedication() { return refractoryToMedication; }
    public void setRefractoryToMedication(String refractoryToMedication) { this.refractoryToMedication = refractoryToMedication; }
    public String getRefractoryToPhysicalTherapy() { return refractoryToPhysicalTherapy; }
    public void setRefractoryToPhysicalTherapy(String refractoryToPhysicalTherapy) { this.refractoryToPhysicalTherapy = refractoryToPhysicalTherapy; }
    public String getActiveInfection() { return activeInfection; }
    public void setActiveInfection(String activeInfection) { this.activeInfection = activeInfection; }
    public String getCoagulopathy() { return coagulopathy; }
    public void setCoagulopathy(String coagulopathy) { this.coagulopathy = coagulopathy; }
    public String getAnticoagulated() { return anticoagulated; }
    public void setAnticoagulated(String anticoagulated) { this.anticoagulated = anticoagulated; }
    public String getAnticoagulationHeld() { return anticoagulationHeld; }
    public void setAnticoagulationHeld(String anticoagulationHeld) { this.anticoagulationHeld = anticoagulationHeld; }
    public String getSeverePeripheralVascularDisease() { return severePeripheralVascularDisease; }
    public void setSeverePeripheralVascularDisease(String severePeripheralVascularDisease) { this.severePeripheralVascularDisease = severePeripheralVascularDisease; }
    public String getColdIntolerance() { return coldIntolerance; }
    public void setColdIntolerance(String coldIntolerance) { this.coldIntolerance = coldIntolerance; }
}
