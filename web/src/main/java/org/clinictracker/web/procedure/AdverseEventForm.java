package org.clinictracker.web.procedure;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.adverse.AdverseEventFields;

/**
 * A complication after a procedure as the proceduralist reports it, or updates its course (outcome, resolved on): the
 * event's own inputs, the form's key and the version the user saw.
 */
public class AdverseEventForm extends AdverseEventFields {

    /** One per form shown: a double submit of a report records one event. */
    private String idempotencyKey = UUID.randomUUID().toString();
    /** The version of the event the user saw (an update sends it as If-Match). */
    private Integer version;

    public AdverseEventForm() {
        setSerious(Boolean.FALSE);
    }

    /** A new report: the proceduralist sees it today, most often. */
    public static AdverseEventForm newReport(LocalDate today) {
        AdverseEventForm form = new AdverseEventForm();
        form.setOnsetOn(today);
        form.setOutcome("ONGOING");
        return form;
    }

    /** The form for updating an event as the API answered it. */
    public static AdverseEventForm of(Map<String, Object> event) {
        AdverseEventForm form = new AdverseEventForm();
        form.setType(text(event.get("type")));
        form.setDescription(text(event.get("description")));
        form.setSeverity(text(event.get("severity")));
        form.setSerious(Boolean.TRUE.equals(event.get("serious")));
        form.setOnsetOn(date(event.get("onsetOn")));
        form.setOutcome(text(event.get("outcome")));
        form.setResolvedOn(date(event.get("resolvedOn")));
        form.setNotes(text(event.get("notes")));
        form.version = event.get("version") instanceof Number number ? number.intValue() : null;
        return form;
    }

    /** The If-Match of an update: the version the user saw, as the API tags it. */
    public String ifMatch() {
        return version == null ? null : "\"" + version + "\"";
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(String.valueOf(value));
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
