package org.clinictracker.platform.security;

import static org.clinictracker.platform.security.AccessRule.on;
import static org.clinictracker.platform.security.AccessRule.onAnyMethod;
import static org.clinictracker.platform.security.ClinicRoles.CLINIC_ADMIN;
import static org.clinictracker.platform.security.ClinicRoles.COORDINATOR;
import static org.clinictracker.platform.security.ClinicRoles.FRONT_DESK;
import static org.clinictracker.platform.security.ClinicRoles.PROCEDURALIST;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;

/**
 * The clinic's role table (architecture.md "Roles", api.md per call): who may do what, read by every
 * service (servlet) and by the gateway (reactive), so the two checks of defence in depth cannot drift.
 * The first rule that matches a request decides; a request no rule matches is refused to everyone.
 * {@code clinic-admin} reads what the clinical roles read and never writes clinical records.
 */
public final class ClinicAccessRules {

    /** Carry no patient data and need no token: health probes and the OpenAPI document. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error");

    /** Operational endpoints (build info, metrics): clinic-admin only. */
    public static final List<String> MANAGEMENT_PATHS = List.of("/actuator", "/actuator/**");

    private static final String[] ANY_CLINIC_ROLE = { FRONT_DESK, PROCEDURALIST, COORDINATOR, CLINIC_ADMIN };
    private static final String[] CLINICAL_READERS = { PROCEDURALIST, COORDINATOR, CLINIC_ADMIN };

    public static final List<AccessRule> RULES = List.of(
            onAnyMethod(PUBLIC_PATHS.toArray(String[]::new)).open(),
            onAnyMethod(MANAGEMENT_PATHS.toArray(String[]::new)).allow(CLINIC_ADMIN),

            // patient-service
            on(GET, "/api/patients/*/audit").allow(CLINIC_ADMIN),
            on(POST, "/api/patients/*/screenings/*/override").allow(PROCEDURALIST),
            on(POST, "/api/patients", "/api/patients/*/screenings", "/api/patients/*/consents").allow(FRONT_DESK),
            on(PUT, "/api/patients/*").allow(FRONT_DESK),
            on(GET, "/api/patients", "/api/patients/**").allow(ANY_CLINIC_ROLE),

            // procedure-service
            on(GET, "/api/procedures/catalogue/**").allow(ANY_CLINIC_ROLE),
            on(GET, "/api/procedures/audit").allow(CLINIC_ADMIN),
            // a draft's warnings while the procedure form is filled in (nothing stored); before the rule below
            on(POST, "/api/procedures/warnings").allow(PROCEDURALIST),
            on(POST, "/api/procedures", "/api/procedures/*/adverse-events").allow(PROCEDURALIST),
            on(PUT, "/api/procedures/*", "/api/procedures/*/adverse-events/*").allow(PROCEDURALIST),
            on(GET, "/api/procedures", "/api/procedures/**").allow(CLINICAL_READERS),

            // followup-service (api.md): protocols are the coordinator's to read and clinic-admin's to set
            on(GET, "/api/followups/audit").allow(CLINIC_ADMIN),
            on(GET, "/api/followups/protocols", "/api/followups/protocols/*", "/api/followups/protocols/*/versions")
                    .allow(COORDINATOR, CLINIC_ADMIN),
            on(PUT, "/api/followups/protocols/*").allow(CLINIC_ADMIN),
            on(POST, "/api/followups/*/outcome", "/api/followups/*/reschedule", "/api/followups/*/assign")
                    .allow(COORDINATOR),
            // a coordinator sends a visit's questions to the patient, and reviews or amends what came back
            on(POST, "/api/followups/*/patient-link", "/api/followups/*/outcome/review").allow(COORDINATOR),
            on(PUT, "/api/followups/*/outcome").allow(COORDINATOR),
            on(GET, "/api/followups", "/api/followups/**").allow(CLINICAL_READERS),
            on(POST, "/api/repeat-treatments/*/decision").allow(COORDINATOR),
            on(GET, "/api/repeat-treatments", "/api/repeat-treatments/**").allow(CLINICAL_READERS),

            // the outcome report (followup-service) and a patient's record as FHIR R4 (patient-service puts it
            // together from each service's part, under /api/procedures/fhir and /api/followups/fhir above)
            on(GET, "/api/reports/outcomes").allow(CLINICAL_READERS),
            on(GET, "/api/fhir/Patient/*/$everything").allow(CLINICAL_READERS),

            // a patient answers a visit's questions through the link sent to them (followup-service): no account, the
            // link's single-use token in the body is the credential; the gateway limits these per client address
            on(POST, "/api/patient-answers/open", "/api/patient-answers").open());

    private ClinicAccessRules() {
    }

    /** The rule that decides this request, if any (none: refused). */
    public static Optional<AccessRule> ruleFor(HttpMethod method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    /** Whether a caller with these realm roles (empty when not signed in) may make this request. */
    public static boolean permits(HttpMethod method, String path, Collection<String> callerRoles) {
        return ruleFor(method, path).map(rule -> rule.allows(callerRoles)).orElse(false);
    }

    /**
     * The rules a service serving these API prefixes applies, in table order: the shared public and
     * management rules plus those for its own paths, so another service's calls stay refused there.
     */
    public static List<AccessRule> servedUnder(String... apiPrefixes) {
        return RULES.stream()
                .filter(rule -> rule.paths().stream().anyMatch(path -> !path.startsWith("/api/")
                        || Arrays.stream(apiPrefixes).anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))))
                .toList();
    }
}
