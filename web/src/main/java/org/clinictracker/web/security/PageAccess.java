package org.clinictracker.web.security;

import static org.clinictracker.platform.security.ClinicRoles.CLINIC_ADMIN;
import static org.clinictracker.platform.security.ClinicRoles.COORDINATOR;
import static org.clinictracker.platform.security.ClinicRoles.FRONT_DESK;
import static org.clinictracker.platform.security.ClinicRoles.PROCEDURALIST;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which role may open which screen: the web app's role table, in one place. It follows the API's (a screen is
 * offered to the roles whose calls it makes), so a user never sees a screen whose every call would be refused.
 * The API still decides each call; this only keeps users out of screens that are not theirs.
 */
final class PageAccess {

    private PageAccess() {
    }

    /** The patient's pages, where nobody signs in. */
    private static final RequestMatcher PATIENT_PAGES = PathPatternRequestMatcher.withDefaults().matcher("/answer/**");

    /**
     * Bearer tokens everywhere but on the patient's pages: there a token (a clinician's session on the waiting-room
     * tablet, an expired one) is not read at all, so it can neither be required nor turn the page into a 401.
     */
    static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        return request -> PATIENT_PAGES.matches(request) ? null : tokens.resolve(request);
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages
                .requestMatchers("/assets/**", "/webjars/**", "/actuator/health/**", "/error").permitAll()
                // patients answer their follow-up questions through the link the clinic sent: no account, the
                // link's token (in the query, then the form) is their only credential
                .requestMatchers(HttpMethod.GET, "/answer").permitAll()
                .requestMatchers(HttpMethod.POST, "/answer").permitAll()
                .requestMatchers("/").authenticated()
                // front desk: find, register, correct contact data, screening, consent
                .requestMatchers("/patients/new", "/patients/*/edit", "/patients/*/screening", "/patients/*/consent")
                        .hasRole(FRONT_DESK)
                .requestMatchers("/patients/*/screening/result").hasRole(FRONT_DESK)
                .requestMatchers("/patients", "/patients/search").hasAnyRole(FRONT_DESK, PROCEDURALIST, COORDINATOR, CLINIC_ADMIN)
                // coordinators and proceduralists follow a patient over time; admins look after the audit trail
                .requestMatchers("/patients/*/timeline").hasAnyRole(COORDINATOR, PROCEDURALIST, CLINIC_ADMIN)
                .requestMatchers("/patients/*/audit").hasRole(CLINIC_ADMIN)
                // the clinical roles and admins take the whole record away as FHIR (to the next physician)
                .requestMatchers(HttpMethod.GET, "/patients/*/record.fhir.json")
                        .hasAnyRole(PROCEDURALIST, COORDINATOR, CLINIC_ADMIN)
                // proceduralists decide on a screening the rules did not clear (a form on the chart)
                .requestMatchers("/patients/*/screenings/*/override").hasRole(PROCEDURALIST)
                .requestMatchers("/patients/*").hasAnyRole(FRONT_DESK, PROCEDURALIST, COORDINATOR, CLINIC_ADMIN)
                // proceduralists record, amend and report; coordinators and admins read
                .requestMatchers("/procedures/new", "/procedures/*/amend", "/procedures/*/adverse-events/**",
                        "/procedures/warnings").hasRole(PROCEDURALIST)
                .requestMatchers("/procedures/form/**").hasRole(PROCEDURALIST) // the procedure form's htmx pieces
                .requestMatchers(HttpMethod.GET, "/procedures/*").hasAnyRole(PROCEDURALIST, COORDINATOR, CLINIC_ADMIN)
                // coordinators work the follow-ups and the repeat-treatment queue
                .requestMatchers("/worklist", "/worklist/**", "/followups/**").hasRole(COORDINATOR)
                .requestMatchers(HttpMethod.GET, "/repeat-treatments").hasAnyRole(COORDINATOR, PROCEDURALIST)
                .requestMatchers("/repeat-treatments/**").hasRole(COORDINATOR)
                // outcome reports: for the admins who answer for the clinic's results, and the clinical roles the API
                // gives the report to
                .requestMatchers(HttpMethod.GET, "/reports", "/reports/outcomes.csv")
                        .hasAnyRole(CLINIC_ADMIN, COORDINATOR, PROCEDURALIST)
                // admins: follow-up protocol settings
                .requestMatchers("/admin/**").hasRole(CLINIC_ADMIN)
                .anyRequest().denyAll();
    }
}
