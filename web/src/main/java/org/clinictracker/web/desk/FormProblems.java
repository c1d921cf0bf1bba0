package org.clinictracker.web.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The web app's own refusals of a form (a number that is no number) in the API's problem shape, so one template
 * shows them and the API's beside the same fields.
 */
final class FormProblems {

    private FormProblems() {
    }

    static ApiProblem of(BindingResult binding) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            Map<String, Object> fieldError = new LinkedHashMap<>();
            fieldError.put("field", error.getField());
            fieldError.put("message", error.isBindingFailure() ? "is not a value this field takes" : error.getDefaultMessage());
            errors.add(fieldError);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("code", "form");
        problem.put("title", "Please correct the marked fields");
        problem.put("detail", "Nothing was saved yet.");
        problem.put("errors", errors);
        return new ApiProblem(422, problem);
    }
}
