package org.clinictracker.web.recording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.api.ApiProblem;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the web app itself refuses before calling the API: a value that does not parse (letters as a temperature,
 * 31 February as a date). It takes the shape of the API's problems, so the same fragments show it beside the field.
 * Values of a parameter block that is not sent (another modality than the chosen one) are not judged.
 */
final class FormProblems {

    private FormProblems() {
    }

    /** The problem to show, or null when everything the form sends could be read. */
    static ApiProblem of(BindingResult binding, ProcedureForm form) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            if (form.sends(error.getField())) {
                errors.add(Map.of("field", error.getField(), "message", message(error)));
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "unreadable-input");
        body.put("title", "Please correct the marked fields");
        body.put("detail", "Some values could not be read. Nothing was saved yet.");
        body.put("errors", errors);
        return new ApiProblem(422, body);
    }

    private static String message(FieldError error) {
        if (!error.contains(TypeMismatchException.class)) {
            return "is not valid";
        }
        Class<?> type = error.unwrap(TypeMismatchException.class).getRequiredType();
        if (type == Integer.class || type == int.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class) {
            return "must be a number, for example -88 or 2.5";
        }
        if (type == LocalDateTime.class) {
            return "must be a date and time";
        }
        if (type == LocalDate.class) {
            return "must be a date";
        }
        if (type == UUID.class) {
            return "is not a procedure id";
        }
        return "is not valid";
    }
}
