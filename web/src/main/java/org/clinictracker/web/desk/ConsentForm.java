package org.clinictracker.web.desk;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.validation.Errors;

/** A signed consent as the front desk records it: for which procedure, signed when, witnessed by whom. */
public class ConsentForm {

    private String idempotencyKey;
    private String procedure;
    private String signedOn;
    private String witness;
    private String formVersion;

    /** Signed today, for the procedure the screening planned (if any): what the clerk usually records. */
    static ConsentForm blank(LocalDate today, Object plannedModality) {
        ConsentForm form = new ConsentForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        form.signedOn = today.toString();
        form.procedure = plannedModality == null ? null : String.valueOf(plannedModality);
        return form;
    }

    void check(Errors errors) {
        PatientDetailsForm.date(errors, "signedOn", signedOn);
    }

    Map<String, Object> toApiBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        PatientDetailsForm.put(body, "procedure", procedure);
        PatientDetailsForm.put(body, "signedOn", signedOn);
        PatientDetailsForm.put(body, "witness", witness);
        PatientDetailsForm.put(body, "formVersion", formVersion);
        return body;
    }

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getProcedure() { return procedure; }
    public void setProcedure(String procedure) { this.procedure = procedure; }
    public String getSignedOn() { return signedOn; }
    public void setSignedOn(String signedOn) { this.signedOn = signedOn; }
    public String getWitness() { return witness; }
    public void setWitness(String witness) { this.witness = witness; }
    public String getFormVersion() { return formVersion; }
    public void setFormVersion(String formVersion) { this.formVersion = formVersion; }
}
