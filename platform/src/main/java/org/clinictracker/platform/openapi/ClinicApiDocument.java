package org.clinictracker.platform.openapi;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The parts of every clinic service's OpenAPI document that do not depend on its controllers:
 * info, a relative server (the document is read through the service, the gateway or a tunnel, so
 * it names no host), the two ways to present a Keycloak token, and the problem responses.
 */
public final class ClinicApiDocument {

    /** A bearer token obtained elsewhere (./clinic token, a script), pasted into the Swagger UI. */
    public static final String BEARER_SCHEME = "bearer-jwt";
    /** Keycloak's authorization-code flow, so the Swagger UI can sign a person in. */
    public static final String KEYCLOAK_SCHEME = "keycloak";

    private ClinicApiDocument() {
    }

    public static OpenAPI create(String serviceName, String version, String description, String licenseName,
            String licenseUrl, String issuer) {
        License license = new License().name(licenseName);
        if (StringUtils.hasText(licenseUrl)) {
            license.url(licenseUrl);
        }
        Components components = new Components()
                .addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the clinic's Keycloak realm"))
                .addSecuritySchemes(KEYCLOAK_SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("Sign in with the clinic's Keycloak realm (authorization code with PKCE)")
                        .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                .authorizationUrl(issuer + "/protocol/openid-connect/auth")
                                .tokenUrl(issuer + "/protocol/openid-connect/token")
                                .refreshUrl(issuer + "/protocol/openid-connect/token")
                                .scopes(new Scopes().addString("openid", "Sign in with OpenID Connect")))));
        return new OpenAPI()
                .info(new Info().title("clinic-tracker " + serviceName).version(version).description(description)
                        .license(license))
                .servers(List.of(new Server().url("/").description("The host this document was read from")))
                .components(components);
    }

    /** Either scheme will do: both carry the same Keycloak token. */
    public static List<SecurityRequirement> securityRequirements() {
        return List.of(new SecurityRequirement().addList(BEARER_SCHEME), new SecurityRequirement().addList(KEYCLOAK_SCHEME));
    }

    static void addProblemResponses(Components components, List<HttpStatus> statuses) {
        statuses.forEach(status -> components.addResponses(ProblemResponseCatalogue.responseName(status),
                ProblemResponseCatalogue.response(status)));
    }
}
