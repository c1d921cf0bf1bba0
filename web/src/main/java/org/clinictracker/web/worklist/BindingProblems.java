package org.clinictracker.web.worklist;

import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Input the web app could not even turn into an API call ("abc" as a pain score) as a problem shaped like the
 * API's own, so the form shows it beside the field exactly as it shows the API's refusals. The API is not
 * called with such input: it would only say the same less clearly.
 */
public final class BindingProblems {

    private BindingProblems() {
    }

    public static ApiProblem of(BindingResult binding) {
        List<Map<String, Object>> errors = binding.getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(), "message", message(error)))
                .toList();
        return new ApiProblem(422, Map.of("code", "validation", "title", "Please correct the marked fields",
                "errors", errors));
    }

    private static String message(FieldError error) {
        if (!error.isBindingFailure()) {
            return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
        }
        List<String> codes = List.of(error.getCodes() == null ? new String[0] : error.getCodes());
        if (codes.contains("typeMismatch.java.lang.Integer")) {
            return "must be a whole number";
        }
        if (codes.contains("typeMismatch.java.math.BigDecimal")) {
            return "must be a number (use a point for decimals)";
        }
        if (codes.contains("typeMismatch.java.time.LocalDate")) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (codes.contains("typeMismatch.java.lang.Boolean")) {
            return "must be yes or no";
        }
        return "is not a valid value";
    }
}
