package org.clinictracker.web.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Input the web app could not even read (a date that is no date, a number that is no number) as a problem shaped
 * like the API's, so the form shows it the same way: beside the field, and in the summary.
 */
final class FormProblems {

    private FormProblems() {
    }

    static ApiProblem of(BindingResult binding) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", message(binding, error)));
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", 422);
        problem.put("code", "unreadable-input");
        problem.put("title", "Please correct the form");
        problem.put("errors", errors);
        return new ApiProblem(422, problem);
    }

    private static String message(BindingResult binding, FieldError error) {
        Class<?> type = binding.getFieldType(error.getField());
        if (type != null && java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "is not a date: use the date picker or YYYY-MM-DD";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            return "is not a number";
        }
        return "could not be read";
    }
}
