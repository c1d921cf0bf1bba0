package org.clinictracker.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every clinic service's {@code SecurityFilterChain} shares: stateless bearer-token auth with
 * Keycloak realm roles, problem+json refusals, and open health and API-docs endpoints. Each service
 * adds only its own role table on top.
 */
public class ClinicResourceServer {

    private final RealmRoleConverter roleConverter;
    private final ProblemSecurityResponses problemResponses;

    public ClinicResourceServer(RealmRoleConverter roleConverter, ProblemSecurityResponses problemResponses) {
        this.roleConverter = roleConverter;
        this.problemResponses = problemResponses;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleConverter))
                        .authenticationEntryPoint(problemResponses)
                        .accessDeniedHandler(problemResponses))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problemResponses)
                        .accessDeniedHandler(problemResponses));
    }

    /**
     * Paths that carry no patient data and need no token: health probes and the OpenAPI document. Every
     * other actuator endpoint (info, prometheus) is behind {@link #managementPaths()}.
     */
    public static String[] publicPaths() {
        return new String[] { "/actuator/health", "/actuator/health/**",
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };
    }

    /** Operational endpoints (build info, metrics): each service's role table gives them to clinic-admin only. */
    public static String[] managementPaths() {
        return new String[] { "/actuator", "/actuator/**" };
    }
}
