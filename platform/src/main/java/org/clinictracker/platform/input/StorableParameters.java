package org.clinictracker.platform.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The query-string side of {@link StorableTextCheck}: a search or filter parameter holding NUL or a
 * control character is refused with a 400 naming it, before it reaches a SQL parameter (where
 * PostgreSQL would fail with a 500) or a JSON containment query.
 */
public class StorableParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            StorableText.problem(parameter.getKey(), false)
                    .ifPresent(message -> errors.add(new FieldError("parameter name", message)));
            for (String value : parameter.getValue()) {
                StorableText.problem(value, false)
                        .ifPresent(message -> errors.add(new FieldError(parameter.getKey(), message)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return true;
    }
}
