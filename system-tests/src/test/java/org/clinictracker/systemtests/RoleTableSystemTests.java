package org.clinictracker.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.clinictracker.platform.security.AccessRule;
import org.clinictracker.platform.security.ClinicAccessRules;
import org.clinictracker.platform.security.ClinicRoles;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The role table as the running clinic applies it: for every path of every rule of
 * {@link ClinicAccessRules#RULES}, every realm role with a real Keycloak token and a caller with no token, at
 * the gateway and directly at the service that owns the path (the shared paths, health and OpenAPI, at every
 * service). The answer must be the table's: no token 401 (open paths excepted), an allowed role past security
 * (whatever the service then says of a made-up id or an empty body), any other role 403, refusals as
 * problem+json; and the gateway and the service must answer alike. Every mismatch is listed. A gateway page outside
 * {@code /api/} may send a caller without token or session to sign in (the web app's backend) instead of the 401.
 */
class RoleTableSystemTests {

    private static final String NO_TOKEN = "no token";
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
        ClinicRoles.ALL.forEach(role -> TOKENS.put(role, KeycloakTokens.accessTokenOfRole(role)));
    }

    @Test
    void every_role_gets_exactly_what_the_role_table_allows_at_the_gateway_and_at_the_service() {
        SoftAssertions softly = new SoftAssertions();
        int calls = 0;
        for (AccessRule rule : ClinicAccessRules.RULES) {
            // a rule for any method is called with GET
            HttpMethod method = rule.method() == null ? HttpMethod.GET : rule.method();
            for (String pattern : rule.paths()) {
                String path = concrete(pattern);
                for (String caller : callers()) {
                    calls += checkEverywhere(softly, method, path, caller);
                }
            }
        }
        softly.assertThat(calls).as("calls made").isGreaterThan(300);
        softly.assertAll();
    }

    @Test
    void a_call_no_rule_names_is_refused_to_everyone() {
        SoftAssertions softly = new SoftAssertions();
        List<Request> unnamed = List.of(
                new Request(HttpMethod.DELETE, "/api/patients/" + UUID.randomUUID()),
                new Request(HttpMethod.PATCH, "/api/patients/" + UUID.randomUUID()),
                new Request(HttpMethod.DELETE, "/api/procedures/" + UUID.randomUUID()),
                new Request(HttpMethod.POST, "/api/procedures/" + UUID.randomUUID() + "/unknown"),
                new Request(HttpMethod.DELETE, "/api/followups/protocols/" + UUID.randomUUID()),
                new Request(HttpMethod.PUT, "/api/repeat-treatments/" + UUID.randomUUID()),
                new Request(HttpMethod.GET, "/api/unknown"),
                new Request(HttpMethod.GET, "/internal/anything"));
        for (Request request : unnamed) {
            softly.assertThat(ClinicAccessRules.ruleFor(request.method(), request.path()))
                    .as("no rule names %s", request).isEmpty();
            for (String caller : callers()) {
                checkEverywhere(softly, request.method(), request.path(), caller);
            }
        }
        softly.assertAll();
    }

    /** Calls the gateway and the service(s) serving the path; returns the number of calls. */
    private int checkEverywhere(SoftAssertions softly, HttpMethod method, String path, String caller) {
        String token = NO_TOKEN.equals(caller) ? null : TOKENS.get(caller);
        List<String> roles = token == null ? List.of() : List.of(caller);
        Expected expected = token == null && !ClinicAccessRules.permits(method, path, List.of())
                ? Expected.UNAUTHENTICATED
                : ClinicAccessRules.permits(method, path, roles) ? Expected.PASSES : Expected.FORBIDDEN;

        HttpAnswer atGateway = HttpAnswer.call(method.name(), clinic.baseUrl(ClinicService.GATEWAY) + path, token);
        expected.check(softly, atGateway, "gateway", method, path, caller);
        int calls = 1;
        for (ClinicService service : servicesServing(path)) {
            HttpAnswer atService = HttpAnswer.call(method.name(), clinic.baseUrl(service) + path, token);
            expected.check(softly, atService, service.module(), method, path, caller);
            softly.assertThat(atService.passedSecurity())
                    .as("%s %s %s: gateway answered %s but %s %s", caller, method, path, atGateway.status(),
                            service.module(), atService)
                    .isEqualTo(atGateway.passedSecurity());
            calls++;
        }
        return calls;
    }

    private static List<ClinicService> servicesServing(String path) {
        if (path.startsWith("/api/")) {
            return ClinicService.owning(path).map(List::of).orElse(ClinicService.BEHIND_GATEWAY);
        }
        return ClinicService.BEHIND_GATEWAY;
    }

    private static List<String> callers() {
        List<String> callers = new ArrayList<>(ClinicRoles.ALL);
        callers.add(NO_TOKEN);
        return callers;
    }

    /** A path the pattern matches: {@code *} a fresh id, {@code **} two segments. */
    static String concrete(String pattern) {
        String path = pattern.replace("/**", "/a/b");
        while (path.contains("*")) {
            path = path.replaceFirst("\\*", UUID.randomUUID().toString());
        }
        return path;
    }

    private record Request(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private enum Expected {
        UNAUTHENTICATED {
            @Override
            void check(SoftAssertions softly, HttpAnswer answer, String where, HttpMethod method, String path, String caller) {
                if (where.equals(ClinicService.GATEWAY.module()) && !path.startsWith("/api/") && answer.sentToSignIn()) {
                    return; // the gateway also serves the web app's browsers: a page without a session goes to sign-in
                }
                softly.assertThat(answer.refusedAsUnauthenticated())
                        .as("%s %s %s at %s: expected 401 problem+json, got %s", caller, method, path, where, answer)
                        .isTrue();
                softly.assertThat(answer.wwwAuthenticate())
                        .as("%s %s %s at %s: the bearer challenge", caller, method, path, where)
                        .isEqualTo("Bearer");
            }
        },
        FORBIDDEN {
            @Override
            void check(SoftAssertions softly, HttpAnswer answer, String where, HttpMethod method, String path, String caller) {
                softly.assertThat(answer.refusedAsForbidden())
                        .as("%s %s %s at %s: expected 403 problem+json, got %s", caller, method, path, where, answer)
                        .isTrue();
            }
        },
        PASSES {
            @Override
            void check(SoftAssertions softly, HttpAnswer answer, String where, HttpMethod method, String path, String caller) {
                softly.assertThat(answer.passedSecurity())
                        .as("%s %s %s at %s: expected past security, got %s", caller, method, path, where, answer)
                        .isTrue();
                // past security, a service may find nothing or refuse the empty body, but must not fail; except
                // Boot's /error, which answers a direct call (no error to render) with 500 by design
                if (!path.equals("/error")) {
                    softly.assertThat(answer.status())
                            .as("%s %s %s at %s: expected no server error, got %s", caller, method, path, where, answer)
                            .isLessThan(500);
                }
            }
        };

        abstract void check(SoftAssertions softly, HttpAnswer answer, String where, HttpMethod method, String path,
                String caller);
    }
}
