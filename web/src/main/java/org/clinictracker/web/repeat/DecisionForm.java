package org.clinictracker.web.repeat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A coordinator's decision on a repeat-treatment candidate: which button was pressed ({@code CONSULT_BOOKED} or
 * {@code DISMISSED}) and the reason (the API requires one to dismiss).
 */
public record DecisionForm(String action, String reason) {

    /** The API's {@code RepeatDecision}; a blank reason is no reason. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("reason", reason == null || reason.isBlank() ? null : reason);
        return body;
    }

    boolean dismisses() {
        return "DISMISSED".equals(action);
    }
}
