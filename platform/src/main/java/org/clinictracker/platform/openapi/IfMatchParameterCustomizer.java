package org.clinictracker.platform.openapi;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;

/**
 * Says what the {@code If-Match} header of an update carries. It is optional in the Java signature
 * only so that a missing header is answered 428 with a problem rather than Spring's bare 400.
 */
class IfMatchParameterCustomizer implements GlobalOperationCustomizer {

    static final String DESCRIPTION = "The ETag of the version you read, e.g. \"3\". Without it the change is refused"
            + " (428); if the record has changed since, it is refused too (412).";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> "header".equals(parameter.getIn())
                            && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())
                            && parameter.getDescription() == null)
                    .forEach(parameter -> parameter.setDescription(DESCRIPTION));
        }
        return operation;
    }
}
