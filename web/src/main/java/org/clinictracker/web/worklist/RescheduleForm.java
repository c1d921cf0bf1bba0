package org.clinictracker.web.worklist;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A visit moved to another day, with the reason (the API keeps both for whoever looks at the visit later).
 * {@code patient} and {@code label} only say whose visit the form is for. A bean, not a record: a day that is no
 * date must still leave the rest of the form to show again beside its message.
 */
public class RescheduleForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueOn;
    private String reason;
    private String patient;
    private String label;

    static RescheduleForm forVisit(String patient, String label) {
        RescheduleForm form = new RescheduleForm();
        form.setPatient(patient);
        form.setLabel(label);
        return form;
    }

    /** The API's {@code RescheduleRequest}. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dueOn", dueOn == null ? null : dueOn.toString());
        body.put("reason", reason == null || reason.isBlank() ? null : reason);
        return body;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
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
