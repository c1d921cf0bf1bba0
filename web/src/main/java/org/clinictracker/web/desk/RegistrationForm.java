package org.clinictracker.web.desk;

import java.util.UUID;

/** The registration form: a new chart's details and the key that makes a double click register once. */
public class RegistrationForm extends PatientDetailsForm {

    private String idempotencyKey;

    static RegistrationForm blank() {
        RegistrationForm form = new RegistrationForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        return form;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }
}
