package org.clinictracker.web.layout;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.clinictracker.web.api.ApiProblem;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Input the web app could not even read (text in a number field, 31 February as a date) as a problem shaped like
 * the API's, so every form shows it the same way: beside the field and in the summary, the user's text kept. It
 * never reaches the API.
 */
public final class UnreadableInput {

    private UnreadableInput() {
    }

    /** The problem of every field the form could not read (call it when the binding has errors). */
    public static ApiProblem of(BindingResult binding) {
        return of(binding, field -> true);
    }

    /** The problem of the fields the form would send ({@code judged}); null when all of those could be read. */
    public static ApiProblem of(BindingResult binding, Predicate<String> judged) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            if (judged.test(error.getField())) {
                errors.add(Map.of("field", error.getField(), "message", message(error)));
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("code", "unreadable-input");
        problem.put("title", "Please correct the marked fields");
        problem.put("detail", "Some values could not be read. Nothing was saved yet.");
        problem.put("errors", errors);
        return new ApiProblem(422, problem);
    }

    static String message(FieldError error) {
        if (!error.contains(TypeMismatchException.class)) {
            return error.getDefaultMessage() == null || error.isBindingFailure() ? "is not a valid value" : error.getDefaultMessage();
        }
        Class<?> type = error.unwrap(TypeMismatchException.class).getRequiredType();
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "must be a number (use a point for decimals)";
        }
        if (type == LocalDateTime.class) {
            return "must be a date and time";
        }
        if (type == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be yes or no";
        }
        if (type == UUID.class) {
            return "is not a valid id";
        }
        return "is not a valid value";
    }
}
