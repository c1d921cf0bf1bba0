package org.clinictracker.platform.openapi;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.clinictracker.platform.security.ClinicResourceServer;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Runs last, on the whole document: puts the Keycloak security requirement and the 401/403
 * responses on every operation the resource server protects (all but
 * {@link ClinicResourceServer#publicPaths()} and the role table's open calls), lists each operation's responses by status, and
 * declares the {@code Problem} schema and each problem response the operations refer to, once.
 */
class ClinicDocumentCustomizer implements GlobalOpenApiCustomizer {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (isOpen(method, path)) {
                    // [{}]: explicitly no token needed (an absent security would read as "not documented")
                    operation.setSecurity(List.of(new SecurityRequirement()));
                } else if (!isPublic(path)) {
                    protect(operation);
                }
                sortResponses(operation);
            }));
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        // springdoc rebuilds components.schemas from the controllers' types, so these are added here, at the end
        openApi.getComponents()
                .addSchemas(ProblemResponseCatalogue.PROBLEM_SCHEMA, ProblemResponseCatalogue.problemSchema())
                .addSchemas(ProblemResponseCatalogue.FIELD_ERROR_SCHEMA, ProblemResponseCatalogue.fieldErrorSchema());
        ClinicApiDocument.addProblemResponses(openApi.getComponents(), referencedStatuses(openApi));
    }

    private static void sortResponses(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    private static void protect(Operation operation) {
        operation.setSecurity(ClinicApiDocument.securityRequirements());
        for (HttpStatus status : List.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN)) {
            operation.getResponses().putIfAbsent(String.valueOf(status.value()), ProblemResponseCatalogue.reference(status));
        }
    }

    static boolean isPublic(String path) {
        for (String pattern : ClinicResourceServer.publicPaths()) {
            if (PATHS.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    /** An operation the role table leaves open (a patient's link: its token in the body is the credential). */
    static boolean isOpen(PathItem.HttpMethod method, String path) {
        return ClinicAccessRules.ruleFor(HttpMethod.valueOf(method.name()), path).map(AccessRule::open).orElse(false);
    }

    /** Only the responses some operation refers to, so the document has no unused component. */
    private static List<HttpStatus> referencedStatuses(OpenAPI openApi) {
        Set<Integer> codes = new TreeSet<>();
        if (openApi.getPaths() != null) {
            for (PathItem item : openApi.getPaths().values()) {
                for (Operation operation : item.readOperations()) {
                    operation.getResponses().forEach((code, response) -> {
                        if (response.get$ref() != null && code.matches("\\d{3}")) {
                            codes.add(Integer.valueOf(code));
                        }
                    });
                }
            }
        }
        Set<HttpStatus> statuses = EnumSet.noneOf(HttpStatus.class);
        codes.forEach(code -> statuses.add(HttpStatus.valueOf(code)));
        return List.copyOf(statuses);
    }
}
