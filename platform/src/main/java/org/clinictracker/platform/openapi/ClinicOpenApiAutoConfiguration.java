package org.clinictracker.platform.openapi;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.OpenAPI;

/**
 * The shared parts of each service's OpenAPI document (see {@link ClinicApiDocument}). Defaults
 * for the Swagger UI's Keycloak sign-in come from {@link SwaggerUiDefaults}; both can be overridden
 * per service with {@code clinic.openapi.*} and {@code springdoc.*}.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class ClinicOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI clinicOpenApi(@Value("${spring.application.name:clinic-service}") String serviceName,
            @Value("${clinic.openapi.version:v1}") String version,
            @Value("${clinic.openapi.description:}") String description,
            @Value("${clinic.openapi.license-name:Proprietary}") String licenseName,
            @Value("${clinic.openapi.license-url:}") String licenseUrl,
            @Value("${clinic.openapi.issuer:${clinic.security.issuer:http://localhost:8180/realms/clinic}}") String issuer) {
        String text = description.isBlank()
                ? "The " + serviceName + " of clinic-tracker, pain-clinic procedure tracking. Sign in with the clinic's"
                        + " Keycloak realm; every refusal is application/problem+json with a stable `code`."
                : description;
        return ClinicApiDocument.create(serviceName, version, text, licenseName, licenseUrl, issuer);
    }

    @Bean
    GlobalOperationCustomizer clinicProblemResponses() {
        return new ProblemResponsesCustomizer();
    }

    @Bean
    GlobalOperationCustomizer clinicIfMatchParameter() {
        return new IfMatchParameterCustomizer();
    }

    @Bean
    GlobalOperationCustomizer clinicRequestBodyLimits() {
        return new RequestBodyCustomizer();
    }

    @Bean
    GlobalOpenApiCustomizer clinicDocumentConventions() {
        return new ClinicDocumentCustomizer();
    }
}
