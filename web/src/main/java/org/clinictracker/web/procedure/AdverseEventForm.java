package org.clinictracker.web.procedure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A complication after a procedure as the proceduralist reports it, or updates its course (outcome, resolved on).
 * Dates are bound here, so one that does not parse is the form's own message beside its field; every other judgement
 * (a type that needs a description, a resolution date before the onset) is the API's.
 */
public class AdverseEventForm {

    private String type;
    private String description;
    private String severity;
    private Boolean serious = Boolean.FALSE;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate onsetOn;
    private String outcome;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate resolvedOn;
    private String notes;
    /** One per form shown: a double submit of a report records one event. */
    private String idempotencyKey = UUID.randomUUID().toString();
    /** The version of the event the user saw (an update sends it as If-Match). */
    private Integer version;

    /** A new report: the proceduralist sees it today, most often. */
    public static AdverseEventForm newReport(LocalDate today) {
        AdverseEventForm form = new AdverseEventForm();
        form.onsetOn = today;
        form.outcome = "ONGOING";
        return form;
    }

    /** The form for updating an event as the API answered it. */
    public static AdverseEventForm of(Map<String, Object> event) {
        AdverseEventForm form = new AdverseEventForm();
        form.type = text(event.get("type"));
        form.description = text(event.get("description"));
        form.severity = text(event.get("severity"));
        form.serious = Boolean.TRUE.equals(event.get("serious"));
        form.onsetOn = date(event.get("onsetOn"));
        form.outcome = text(event.get("outcome"));
        form.resolvedOn = date(event.get("resolvedOn"));
        form.notes = text(event.get("notes"));
        form.version = event.get("version") instanceof Number number ? number.intValue() : null;
        return form;
    }

    /** The body of {@code POST …/adverse-events} and {@code PUT …/adverse-events/{id}}. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", blankToNull(type));
        body.put("description", blankToNull(description));
        body.put("severity", blankToNull(severity));
        body.put("serious", serious);
        body.put("onsetOn", onsetOn == null ? null : onsetOn.toString());
        body.put("outcome", blankToNull(outcome));
        body.put("resolvedOn", resolvedOn == null ? null : resolvedOn.toString());
        body.put("notes", blankToNull(notes));
        return body;
    }

    /** The If-Match of an update: the version the user saw, as the API tags it. */
    public String ifMatch() {
        return version == null ? null : "\"" + version + "\"";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(String.valueOf(value));
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

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
