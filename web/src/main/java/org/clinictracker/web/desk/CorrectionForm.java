package org.clinictracker.web.desk;

import java.util.Map;

/**
 * A chart's correction: its details as the clerk edits them and the version they started from ({@code etag}, the
 * API's ETag read with the form), so a save on a copy someone else has changed meanwhile is refused, not lost.
 */
public class CorrectionForm extends PatientDetailsForm {

    private String etag;

    static CorrectionForm of(Map<String, Object> patient, String etag) {
        CorrectionForm form = new CorrectionForm().fillFrom(patient);
        form.etag = etag;
        return form;
    }

    public String getEtag() {
        return etag;
    }

    public void setEtag(String etag) {
        this.etag = etag;
    }
}
