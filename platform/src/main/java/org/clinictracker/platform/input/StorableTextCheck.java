package org.clinictracker.platform.input;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks every text of every request body, however deeply nested, before validation and before
 * anything is stored: text that {@link StorableText} refuses gets a 400 naming the field (e.g.
 * {@code targets[1].description}). Applies by itself to fields added later; only free-text fields
 * marked {@link MultilineText} may hold line breaks. Request bodies are records, lists and maps.
 */
@ControllerAdvice
public class StorableTextCheck extends RequestBodyAdviceAdapter {

    /** Far deeper than any request body; a guard against cycles, not a rule. */
    private static final int MAX_DEPTH = 32;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldError> errors = problems(body);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return body;
    }

    /** Every text in {@code body} that cannot be stored, named by its JSON path. */
    public static List<FieldError> problems(Object body) {
        List<FieldError> errors = new ArrayList<>();
        check(body, "", false, errors, 0);
        return errors;
    }

    private static void check(Object value, String path, boolean multiline, List<FieldError> errors, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            StorableText.problem(text.toString(), multiline)
                    .ifPresent(message -> errors.add(new FieldError(path.isEmpty() ? "body" : path, message)));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                check(read(component, record), join(path, component.getName()),
                        component.isAnnotationPresent(MultilineText.class), errors, depth + 1);
            }
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                check(item, path + "[" + index++ + "]", multiline, errors, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String entryPath = join(path, String.valueOf(entry.getKey()));
                check(entry.getKey(), entryPath, false, errors, depth + 1);
                check(entry.getValue(), entryPath, multiline, errors, depth + 1);
            }
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                check(Array.get(value, i), path + "[" + i + "]", multiline, errors, depth + 1);
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("Cannot read " + component + " of a request body", ex);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
