package org.clinictracker.web.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A proceduralist's override of a screening: the result that is to count ({@code ELIGIBLE} unless they rule the
 * patient out), the documented reason, and the modalities it decides for (none ticked: every modality, which the API
 * refuses when the screening found differently per modality).
 */
public class OverrideForm {

    private String result = "ELIGIBLE";
    private String reason;
    private List<String> modalities = new ArrayList<>();
    private String idempotencyKey = UUID.randomUUID().toString();

    /** The body of {@code POST /api/patients/{id}/screenings/{screeningId}/override}. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("reason", reason);
        if (modalities != null && !modalities.isEmpty()) {
            body.put("modalities", modalities);
        }
        return body;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<String> getModalities() {
        return modalities;
    }

    public void setModalities(List<String> modalities) {
        this.modalities = modalities == null ? new ArrayList<>() : modalities;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }
}
