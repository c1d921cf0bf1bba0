package org.clinictracker.platform.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every clinic service's {@code SecurityFilterChain} shares: stateless bearer-token auth with
 * Keycloak realm roles, problem+json refusals, and the clinic's one role table ({@link ClinicAccessRules}),
 * which the gateway applies too. A service names only the API prefixes it serves.
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
     * {@link #apply} plus the role table's rules for the service's own API prefixes (e.g. {@code /api/patients}),
     * in table order; anything the table does not name is refused.
     */
    public HttpSecurity applyWithRoleTable(HttpSecurity http, String... servedApiPrefixes) throws Exception {
        return apply(http).authorizeHttpRequests(requests -> {
            for (AccessRule rule : ClinicAccessRules.servedUnder(servedApiPrefixes)) {
                if (rule.method() == null) {
                    decide(requests.requestMatchers(rule.pathArray()), rule);
                }
                for (HttpMethod method : rule.methods()) {
                    decide(requests.requestMatchers(method, rule.pathArray()), rule);
                }
            }
            requests.anyRequest().denyAll();
        });
    }

    private static void decide(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl matched, AccessRule rule) {
        if (rule.open()) {
            matched.permitAll();
        } else {
            matched.hasAnyRole(rule.roleArray());
        }
    }

    /**
     * Paths that carry no patient data and need no token: health probes and the OpenAPI document. Every
     * other actuator endpoint (info, prometheus) is clinic-admin's in the role table.
     */
    public static String[] publicPaths() {
        return ClinicAccessRules.PUBLIC_PATHS.toArray(String[]::new);
    }
}
