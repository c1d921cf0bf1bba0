package org.clinictracker.platform.openapi;

import org.clinictracker.platform.idempotency.IdempotencyKeyFilter;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/**
 * What the platform's filters add to every operation that takes a body, so the document says it without
 * each controller repeating it: a body over the limit is refused (413), and a {@code POST} takes an
 * optional {@code Idempotency-Key} whose reuse for another request is refused (422).
 */
class RequestBodyCustomizer implements GlobalOperationCustomizer {

    static final String IDEMPOTENCY_KEY_DESCRIPTION = "Optional, 1-255 visible ASCII characters (e.g. a UUID)."
            + " A retry with the same key by the same user gets the first successful answer again, with"
            + " `Idempotent-Replayed: true`, and creates nothing; the same key with another request is refused (422).";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        if (mapping == null) {
            return operation;
        }
        boolean post = contains(mapping.method(), RequestMethod.POST);
        if (post || contains(mapping.method(), RequestMethod.PUT)) {
            operation.getResponses().putIfAbsent(String.valueOf(HttpStatus.CONTENT_TOO_LARGE.value()),
                    ProblemResponseCatalogue.reference(HttpStatus.CONTENT_TOO_LARGE));
        }
        if (post) {
            operation.addParametersItem(new HeaderParameter().name(IdempotencyKeyFilter.HEADER).required(false)
                    .description(IDEMPOTENCY_KEY_DESCRIPTION).schema(new StringSchema().minLength(1).maxLength(255)));
            operation.getResponses().putIfAbsent(String.valueOf(HttpStatus.UNPROCESSABLE_CONTENT.value()),
                    ProblemResponseCatalogue.reference(HttpStatus.UNPROCESSABLE_CONTENT));
        }
        return operation;
    }

    private static boolean contains(RequestMethod[] methods, RequestMethod wanted) {
        for (RequestMethod method : methods) {
            if (method == wanted) {
                return true;
            }
        }
        return false;
    }
}
