package org.clinictracker.web.adverse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An adverse event's inputs, the same on every form that takes one: reported on its own after a procedure, recorded with
 * the procedure, or noticed at a follow-up visit. Dates are bound here, so one that does not parse is the form's own
 * message beside its field; every other judgement is the API's. The three API calls want different bodies (see the
 * three {@code as…} methods), and a form must not send a field its API body does not have.
 */
public class AdverseEventFields {

    private String type;
    private String description;
    private String severity;
    private Boolean serious;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate onsetOn;
    private String outcome;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate resolvedOn;
    private String notes;

    /**
     * The body of {@code POST …/adverse-events} and {@code PUT …/adverse-events/{id}}: every field, a blank one as null,
     * since an update replaces what is on record.
     */
    public Map<String, Object> asReport() {
        Map<String, Object> body = noticed(serious);
        body.put("resolvedOn", date(resolvedOn));
        body.put("notes", blankToNull(notes));
        return body;
    }

    /** An event in {@code POST /api/procedures}: only what was filled in, so the API names what is missing. */
    public Map<String, Object> asRecordedWithProcedure() {
        Map<String, Object> body = asReport();
        body.put("serious", Boolean.TRUE.equals(serious));
        body.values().removeIf(value -> value == null);
        return body;
    }

    /** The API's {@code NoticedAdverseEvent} of a visit's outcome: no course yet (resolved on, notes). */
    public Map<String, Object> asNoticedAtVisit() {
        return noticed(Boolean.TRUE.equals(serious));
    }

    /** Whether a type was chosen: a visit's row without one is no event. */
    public boolean hasType() {
        return !isBlank(type);
    }

    private Map<String, Object> noticed(Boolean serious) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", blankToNull(type));
        body.put("description", blankToNull(description));
        body.put("severity", blankToNull(severity));
        body.put("serious", serious);
        body.put("onsetOn", date(onsetOn));
        body.put("outcome", blankToNull(outcome));
        return body;
    }

    private static String date(LocalDate value) {
        return value == null ? null : value.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public Boolean getSerious() {
        return serious;
    }

    public void setSerious(Boolean serious) {
        this.serious = serious;
    }

    public LocalDate getOnsetOn() {
        return onsetOn;
    }

    public void setOnsetOn(LocalDate onsetOn) {
        this.onsetOn = onsetOn;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public LocalDate getResolvedOn() {
        return resolvedOn;
    }

    public void setResolvedOn(LocalDate resolvedOn) {
        this.resolvedOn = resolvedOn;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
