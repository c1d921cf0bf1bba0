package org.clinictracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinictracker.platform.security.ClinicRoles.CLINIC_ADMIN;
import static org.clinictracker.platform.security.ClinicRoles.COORDINATOR;
import static org.clinictracker.platform.security.ClinicRoles.FRONT_DESK;
import static org.clinictracker.platform.security.ClinicRoles.PROCEDURALIST;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

/**
 * The role table read as architecture.md and api.md write it: for a sample of every rule's paths and
 * methods, exactly the expected roles get in, every other role (and a token with no clinic role) is
 * refused; public paths need no token; what the table does not name is refused to all.
 */
class ClinicAccessRulesTest {

    private static final String P = "/api/patients/7b0c1f36-0000-4000-8000-000000000001";
    private static final String PR = "/api/procedures/7b0c1f36-0000-4000-8000-000000000002";
    private static final String F = "/api/followups/7b0c1f36-0000-4000-8000-000000000003";
    private static final String R = "/api/repeat-treatments/7b0c1f36-0000-4000-8000-000000000004";
    private static final Set<String> EVERYONE = Set.of(FRONT_DESK, PROCEDURALIST, COORDINATOR, CLINIC_ADMIN);
    private static final Set<String> READERS = Set.of(PROCEDURALIST, COORDINATOR, CLINIC_ADMIN);
    private static final Set<String> NOBODY = Set.of();
    private static final Set<String> OPEN = null;

    static Stream<Arguments> who_may_do_what() {
        return Stream.of(
                // public, management
                expect("GET", "/actuator/health", OPEN),
                expect("GET", "/actuator/health/readiness", OPEN),
                expect("GET", "/v3/api-docs", OPEN),
                expect("GET", "/v3/api-docs/swagger-config", OPEN),
                expect("GET", "/swagger-ui/index.html", OPEN),
                expect("GET", "/swagger-ui.html", OPEN),
                expect("GET", "/actuator/info", Set.of(CLINIC_ADMIN)),
                expect("GET", "/actuator/prometheus", Set.of(CLINIC_ADMIN)),
                expect("GET", "/actuator", Set.of(CLINIC_ADMIN)),
                // patients
                expect("POST", "/api/patients", Set.of(FRONT_DESK)),
                expect("GET", "/api/patients", EVERYONE),
                expect("GET", P, EVERYONE),
                expect("PUT", P, Set.of(FRONT_DESK)),
                expect("POST", P + "/screenings", Set.of(FRONT_DESK)),
                expect("POST", P + "/consents", Set.of(FRONT_DESK)),
                expect("POST", P + "/screenings/7b0c1f36-0000-4000-8000-00000000000a/override", Set.of(PROCEDURALIST)),
                expect("GET", P + "/audit", Set.of(CLINIC_ADMIN)),
                expect("DELETE", P, NOBODY),
                expect("PATCH", P, NOBODY),
                expect("PUT", "/api/patients", NOBODY),
                // procedures
                expect("POST", "/api/procedures", Set.of(PROCEDURALIST)),
                expect("POST", "/api/procedures/warnings", Set.of(PROCEDURALIST)),
                expect("GET", "/api/procedures", READERS),
                expect("GET", PR, READERS),
                expect("GET", PR + "/history", READERS),
                expect("PUT", PR, Set.of(PROCEDURALIST)),
                expect("POST", PR + "/adverse-events", Set.of(PROCEDURALIST)),
                expect("PUT", PR + "/adverse-events/7b0c1f36-0000-4000-8000-00000000000b", Set.of(PROCEDURALIST)),
                expect("GET", "/api/procedures/catalogue/nerves", EVERYONE),
                expect("GET", "/api/procedures/audit", Set.of(CLINIC_ADMIN)),
                expect("POST", "/api/procedures/catalogue/nerves", NOBODY),
                expect("DELETE", PR, NOBODY),
                // follow-ups
                expect("GET", "/api/followups", READERS),
                expect("GET", F, READERS),
                expect("GET", "/api/followups/timeline", READERS),
                expect("POST", F + "/outcome", Set.of(COORDINATOR)),
                expect("GET", F + "/outcome", READERS),
                expect("POST", F + "/reschedule", Set.of(COORDINATOR)),
                expect("POST", F + "/assign", Set.of(COORDINATOR)),
                expect("GET", "/api/followups/protocols", Set.of(COORDINATOR, CLINIC_ADMIN)),
                expect("GET", "/api/followups/protocols/CRYONEUROLYSIS", Set.of(COORDINATOR, CLINIC_ADMIN)),
                expect("PUT", "/api/followups/protocols/CRYONEUROLYSIS", Set.of(CLINIC_ADMIN)),
                expect("GET", "/api/followups/protocols/CRYONEUROLYSIS/versions", Set.of(COORDINATOR, CLINIC_ADMIN)),
                expect("GET", "/api/followups/audit", Set.of(CLINIC_ADMIN)),
                expect("POST", "/api/followups", NOBODY),
                expect("PUT", F, NOBODY),
                // repeat treatments
                expect("GET", "/api/repeat-treatments", READERS),
                expect("GET", R, READERS),
                expect("POST", R + "/decision", Set.of(COORDINATOR)),
                expect("POST", "/api/repeat-treatments", NOBODY),
                // the outcome report and the record as FHIR: the clinical readers, never the front desk
                expect("GET", "/api/reports/outcomes", READERS),
                expect("POST", "/api/reports/outcomes", NOBODY),
                expect("GET", "/api/reports/other", NOBODY),
                expect("GET", "/api/fhir/Patient/7b0c1f36-0000-4000-8000-000000000001/$everything", READERS),
                expect("GET", "/api/fhir/Patient/7b0c1f36-0000-4000-8000-000000000001", NOBODY),
                expect("GET", "/api/procedures/fhir", READERS),
                expect("GET", "/api/followups/fhir", READERS),
                // a patient's answers through a link (the token in the body is the credential)
                expect("POST", "/api/patient-answers/open", OPEN),
                expect("POST", "/api/patient-answers", OPEN),
                expect("GET", "/api/patient-answers", NOBODY),
                expect("POST", "/api/patient-answers/other", NOBODY),
                expect("PUT", "/api/patient-answers", NOBODY),
                expect("POST", F + "/patient-link", Set.of(COORDINATOR)),
                expect("GET", F + "/patient-link", READERS),
                expect("PUT", F + "/outcome", Set.of(COORDINATOR)),
                expect("POST", F + "/outcome/review", Set.of(COORDINATOR)),
                // not in the table
                expect("GET", "/", NOBODY),
                expect("GET", "/api/patientsx", NOBODY));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void who_may_do_what(String method, String path, Set<String> allowed) {
        HttpMethod httpMethod = HttpMethod.valueOf(method);
        for (String role : ClinicRoles.ALL) {
            boolean expected = allowed == OPEN || allowed.contains(role);
            assertThat(ClinicAccessRules.permits(httpMethod, path, List.of(role)))
                    .as("%s %s %s", role, method, path).isEqualTo(expected);
        }
        assertThat(ClinicAccessRules.permits(httpMethod, path, List.of()))
                .as("no clinic role / not signed in: %s %s", method, path).isEqualTo(allowed == OPEN);
        assertThat(ClinicAccessRules.permits(httpMethod, path, List.of("offline_access", "uma_authorization")))
                .as("only Keycloak's default roles: %s %s", method, path).isEqualTo(allowed == OPEN);
    }

    @Test
    void clinic_admin_never_writes_a_clinical_record() {
        for (AccessRule rule : ClinicAccessRules.RULES) {
            boolean write = rule.method() != null && rule.method() != HttpMethod.GET;
            boolean clinical = rule.paths().stream().anyMatch(path -> !path.startsWith("/api/followups/protocols"));
            if (write && clinical && !rule.open()) {
                assertThat(rule.roles()).as("%s %s", rule.method(), rule.paths()).doesNotContain(CLINIC_ADMIN);
            }
        }
    }

    @Test
    void a_service_applies_the_shared_rules_and_only_its_own_api_rules() {
        List<AccessRule> patientRules = ClinicAccessRules.servedUnder("/api/patients");

        List<String> paths = new ArrayList<>();
        patientRules.forEach(rule -> paths.addAll(rule.paths()));
        assertThat(paths).contains("/actuator/health", "/actuator/**", "/api/patients", "/api/patients/*/audit")
                .noneMatch(path -> path.startsWith("/api/procedures") || path.startsWith("/api/followups"));
        assertThat(ClinicAccessRules.RULES).containsSubsequence(patientRules);
        assertThat(ClinicAccessRules.servedUnder("/api/followups", "/api/repeat-treatments"))
                .anyMatch(rule -> rule.paths().contains("/api/repeat-treatments/*/decision"))
                .noneMatch(rule -> rule.paths().contains("/api/patients"));
    }

    @Test
    void a_rule_is_either_open_or_names_its_roles() {
        assertThatThrownBy(() -> new AccessRule(HttpMethod.GET, List.of("/x"), true, Set.of(CLINIC_ADMIN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessRule(HttpMethod.GET, List.of("/x"), false, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments expect(String method, String path, Set<String> allowed) {
        return Arguments.of(method, path, allowed);
    }
}
