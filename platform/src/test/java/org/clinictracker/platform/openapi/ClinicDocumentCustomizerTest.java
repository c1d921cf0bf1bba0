package org.clinictracker.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

class ClinicDocumentCustomizerTest {

    @Test
    void a_protected_operation_needs_a_keycloak_token_and_may_answer_401_and_403() {
        OpenAPI document = documentWith("/api/patients/{id}", operation("read"));

        new ClinicDocumentCustomizer().customise(document);

        Operation operation = document.getPaths().get("/api/patients/{id}").getGet();
        assertThat(operation.getSecurity()).isEqualTo(ClinicApiDocument.securityRequirements());
        assertThat(operation.getResponses()).containsKeys("200", "400", "401", "403", "404", "500");
        assertThat(operation.getResponses().get("401").get$ref()).isEqualTo("#/components/responses/Unauthorized");
    }

    @Test
    void a_public_operation_asks_for_no_token() {
        OpenAPI document = documentWith("/actuator/health", operation("read"));

        new ClinicDocumentCustomizer().customise(document);

        Operation operation = document.getPaths().get("/actuator/health").getGet();
        // [{}]: the document says outright that no token is needed (the role table's open rules)
        assertThat(operation.getSecurity()).containsExactly(new SecurityRequirement());
        assertThat(operation.getResponses()).doesNotContainKeys("401", "403");
    }

    @Test
    void responses_are_listed_by_status_and_each_referenced_problem_is_declared_once() {
        OpenAPI document = documentWith("/api/patients/{id}", operation("read"));

        new ClinicDocumentCustomizer().customise(document);

        assertThat(document.getPaths().get("/api/patients/{id}").getGet().getResponses().keySet())
                .containsExactly("200", "400", "401", "403", "404", "500");
        assertThat(document.getComponents().getResponses().keySet())
                .containsExactlyInAnyOrder("BadRequest", "Unauthorized", "Forbidden", "NotFound", "InternalServerError");
        assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "FieldError");
        assertThat(document.getComponents().getResponses().get("NotFound").getContent())
                .containsKey("application/problem+json");
    }

    @Test
    void the_if_match_header_says_what_it_carries() {
        Operation update = new Operation().addParametersItem(new HeaderParameter().name("If-Match"));

        new IfMatchParameterCustomizer().customize(update, handler("read"));

        assertThat(update.getParameters().get(0).getDescription()).contains("ETag").contains("428").contains("412");
    }

    @Test
    void a_status_name_becomes_a_component_name() {
        assertThat(ProblemResponseCatalogue.responseName(HttpStatus.PRECONDITION_REQUIRED)).isEqualTo("PreconditionRequired");
        assertThat(ProblemResponseCatalogue.responseName(HttpStatus.NOT_FOUND)).isEqualTo("NotFound");
    }

    private static Operation operation(String methodName) {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        return new ProblemResponsesCustomizer().customize(operation, handler(methodName));
    }

    private static OpenAPI documentWith(String path, Operation get) {
        return new OpenAPI().paths(new Paths().addPathItem(path, new PathItem().get(get)));
    }

    private static HandlerMethod handler(String methodName) {
        try {
            Method method = Controller.class.getDeclaredMethod(methodName);
            return new HandlerMethod(new Controller(), method);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static class Controller {

        @ProblemResponses({ HttpStatus.NOT_FOUND })
        void read() {
        }
    }
}
