package org.clinictracker.platform.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Adds to each operation the problem responses its controller method declares with
 * {@link ProblemResponses}, plus 400 and 500 which any request can meet. 401 and 403 depend on the
 * path being protected, which {@link ClinicDocumentCustomizer} knows.
 */
class ProblemResponsesCustomizer implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        List<HttpStatus> statuses = new ArrayList<>(ProblemResponseCatalogue.PUBLIC_OPERATION);
        ProblemResponses declared = handlerMethod.getMethodAnnotation(ProblemResponses.class);
        if (declared != null) {
            statuses.addAll(Arrays.asList(declared.value()));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        statuses.forEach(status -> operation.getResponses()
                .putIfAbsent(String.valueOf(status.value()), ProblemResponseCatalogue.reference(status)));
        return operation;
    }
}
