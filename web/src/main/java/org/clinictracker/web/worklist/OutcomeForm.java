package org.clinictracker.web.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.adverse.AdverseEventFields;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a coordinator types into a visit's outcome form. Inputs carry the API's field names
 * ({@code functionScore.value}, {@code adverseEvents[0].type}), so the API's messages land beside them; numbers
 * are bound as numbers, so text in a number field is the web app's own field error and never reaches the API.
 * {@code patient} and {@code label} only say whose visit the form is for, again when it comes back refused.
 */
public class OutcomeForm {

    private Integer painScore;
    private Integer reliefPercent;
    private FunctionScoreInput functionScore = new FunctionScoreInput();
    /** The PEG scale's items (0-10 each): with all three and no other function score, the API scores PEG itself. */
    private Integer painAverage;
    private Integer pegEnjoyment;
    private Integer pegActivity;
    private BigDecimal opioidMmePerDay;
    private Integer satisfaction;
    private Boolean sensationReturned;
    /** A complication the patient reports at the visit (one per form; the procedure record takes more). */
    private List<AdverseEventFields> adverseEvents = new ArrayList<>(List.of(new AdverseEventFields()));
    private String notes;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate assessedOn;
    private String idempotencyKey;
    private String patient;
    private String label;

    /** A fresh form for a visit, with the key that makes a double submit record once. */
    static OutcomeForm forVisit(String patient, String label) {
        OutcomeForm form = new OutcomeForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        form.setPatient(patient);
        form.setLabel(label);
        return form;
    }

    /** The API's {@code OutcomeReport}: what was left empty is left out, and so is an adverse event without a type. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfPresent(body, "painScore", painScore);
        putIfPresent(body, "reliefPercent", reliefPercent);
        if (functionScore != null && (hasText(functionScore.getInstrument()) || functionScore.getValue() != null)) {
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("instrument", blankToNull(functionScore.getInstrument()));
            score.put("value", functionScore.getValue());
            body.put("functionScore", score);
        }
        putIfPresent(body, "painAverage", painAverage);
        putIfPresent(body, "pegEnjoyment", pegEnjoyment);
        putIfPresent(body, "pegActivity", pegActivity);
        putIfPresent(body, "opioidMmePerDay", opioidMmePerDay);
        putIfPresent(body, "satisfaction", satisfaction);
        putIfPresent(body, "sensationReturned", sensationReturned);
        List<Map<String, Object>> noticed = adverseEvents.stream()
                .filter(event -> event != null && event.hasType())
                .map(AdverseEventFields::asNoticedAtVisit)
                .toList();
        if (!noticed.isEmpty()) {
            body.put("adverseEvents", noticed);
        }
        putIfPresent(body, "notes", blankToNull(notes));
        putIfPresent(body, "assessedOn", assessedOn == null ? null : assessedOn.toString());
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    static String blankToNull(String value) {
        return hasText(value) ? value : null;
    }

    /** The function questionnaire and its score. */
    public static class FunctionScoreInput {
        private String instrument;
        private BigDecimal value;

        public String getInstrument() {
            return instrument;
        }

        public void setInstrument(String instrument) {
            this.instrument = instrument;
        }

        public BigDecimal getValue() {
            return value;
        }

        public void setValue(BigDecimal value) {
            this.value = value;
        }
    }

    public Integer getPainScore() {
        return painScore;
    }

    public void setPainScore(Integer painScore) {
        this.painScore = painScore;
    }

    public Integer getReliefPercent() {
        return reliefPercent;
    }

    public void setReliefPercent(Integer reliefPercent) {
        this.reliefPercent = reliefPercent;
    }

    public FunctionScoreInput getFunctionScore() {
        return functionScore;
    }

    public void setFunctionScore(FunctionScoreInput functionScore) {
        this.functionScore = functionScore;
    }

    public Integer getPainAverage() {
        return painAverage;
    }

    public void setPainAverage(Integer painAverage) {
        this.painAverage = painAverage;
    }

    public Integer getPegEnjoyment() {
        return pegEnjoyment;
    }

    public void setPegEnjoyment(Integer pegEnjoyment) {
        this.pegEnjoyment = pegEnjoyment;
    }

    public Integer getPegActivity() {
        return pegActivity;
    }

    public void setPegActivity(Integer pegActivity) {
        this.pegActivity = pegActivity;
    }

    public BigDecimal getOpioidMmePerDay() {
        return opioidMmePerDay;
    }

    public void setOpioidMmePerDay(BigDecimal opioidMmePerDay) {
        this.opioidMmePerDay = opioidMmePerDay;
    }

    public Integer getSatisfaction() {
        return satisfaction;
    }

    public void setSatisfaction(Integer satisfaction) {
        this.satisfaction = satisfaction;
    }

    public Boolean getSensationReturned() {
        return sensationReturned;
    }

    public void setSensationReturned(Boolean sensationReturned) {
        this.sensationReturned = sensationReturned;
    }

    public List<AdverseEventFields> getAdverseEvents() {
        return adverseEvents;
    }

    public void setAdverseEvents(List<AdverseEventFields> adverseEvents) {
        this.adverseEvents = adverseEvents;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public LocalDate getAssessedOn() {
        return assessedOn;
    }

    public void setAssessedOn(LocalDate assessedOn) {
        this.assessedOn = assessedOn;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getPatient() {
        return patient;
    }

    public void setPatient(String patient) {
        this.patient = patient;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
