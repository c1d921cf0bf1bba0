package org.clinictracker.web.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The registration form: a new chart's details, the key that makes a double click register once, and the existing
 * charts the clerk has confirmed to be someone else (they travel with the form until it is saved).
 */
public class RegistrationForm extends PatientDetailsForm {

    private String idempotencyKey;
    private List<String> notDuplicateOf = new ArrayList<>();

    static RegistrationForm blank() {
        RegistrationForm form = new RegistrationForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        return form;
    }

    @Override
    Map<String, Object> toApiBody() {
        Map<String, Object> body = super.toApiBody();
        List<String> confirmedOthers = confirmedOthers();
        if (!confirmedOthers.isEmpty()) {
            body.put("notDuplicateOf", confirmedOthers);
        }
        return body;
    }

    /** What the duplicate decision carries in hidden inputs, so no keystroke of the registration is lost. */
    public List<Map.Entry<String, String>> carriedValues() {
        List<Map.Entry<String, String>> values = new ArrayList<>(typedValues());
        confirmedOthers().forEach(id -> values.add(Map.entry("notDuplicateOf", id)));
        return values;
    }

    /** The charts confirmed to be someone else; anything that is not a chart's id is no confirmation. */
    public List<String> confirmedOthers() {
        return notDuplicateOf.stream().filter(RegistrationForm::isUuid).distinct().toList();
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value.trim()).toString().equalsIgnoreCase(value.trim());
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public List<String> getNotDuplicateOf() {
        return notDuplicateOf;
    }

    public void setNotDuplicateOf(List<String> notDuplicateOf) {
        this.notDuplicateOf = notDuplicateOf == null ? new ArrayList<>() : notDuplicateOf;
    }
}
