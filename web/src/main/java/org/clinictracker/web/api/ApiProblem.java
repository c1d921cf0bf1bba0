package org.clinictracker.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API refused a call (a problem+json 4xx, or 5xx/503 when a service is away): what a page shows the user.
 * {@link #fieldErrors()} maps each offending field, named as the API names it ({@code address.postalCode}), to
 * its message, so a form shows it beside the input of the same name. {@link #body()} keeps the whole problem
 * for pages that need more of it (a duplicate's {@code candidates}).
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;
    private final Map<String, Object> body;

    public ApiProblem(int status, Map<String, Object> body) {
        super(status + " " + body.getOrDefault("code", body.getOrDefault("title", "")));
        this.status = status;
        this.body = body;
        this.code = text(body.get("code"));
        this.title = text(body.get("title"));
        this.detail = text(body.get("detail"));
        this.fieldErrors = fieldErrors(body.get("errors"));
    }

    private static Map<String, String> fieldErrors(Object errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (errors instanceof List<?> list) {
            for (Object error : list) {
                if (error instanceof Map<?, ?> map && map.get("field") != null) {
                    // several messages for one field read as one sentence
                    byField.merge(String.valueOf(map.get("field")), String.valueOf(map.get("message")),
                            (first, next) -> first + "; " + next);
                }
            }
        }
        return byField;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    public int status() {
        return status;
    }

    /** The API's stable problem code ({@code validation}, {@code possible-duplicate}, {@code stale-version}...). */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean hasFieldError(String field) {
        return fieldErrors.containsKey(field);
    }

    public String fieldError(String field) {
        return fieldErrors.get(field);
    }

    public Map<String, Object> body() {
        return body;
    }

    /** A service away or overloaded (503, 429, 502, 504): worth trying again, nothing wrong with the input. */
    public boolean isTemporary() {
        return status == 503 || status == 429 || status == 502 || status == 504;
    }
}
