package org.clinictracker.testsupport;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What every clinic service must do with bearer tokens, proved with real signed tokens decoded by the
 * service's production decoder: only a token signed by the realm's key, from the realm, for the clinic
 * API and within its time window signs anyone in (else 401 problem); its realm roles then decide (else
 * 403 problem). Only health is open; the other actuator endpoints are the clinic admin's. A service keeps
 * the contract by extending this class (annotated {@code @ClinicServiceTest}) with calls of its own.
 */
public abstract class BearerTokenContract {

    @Autowired
    protected MockMvc mvc;

    /** A clinic role that may make {@link #aRead()}. */
    protected abstract String readerRole();

    /** A call that {@link #readerRole()} may make and that answers 200. */
    protected abstract MockHttpServletRequestBuilder aRead();

    /** A call that {@link #readerRole()} may not make. */
    protected abstract MockHttpServletRequestBuilder aCallTheReaderMayNotMake();

    private ClinicToken readerToken() {
        return ClinicJwt.as("reader1", readerRole());
    }

    @Test
    void a_valid_token_signs_the_reader_in() throws Exception {
        mvc.perform(aRead().with(readerToken())).andExpect(status().isOk());
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        expectUnauthenticated(readerToken().expiringIn(Duration.ofMinutes(-5)).signed());
    }

    @Test
    void a_token_not_valid_yet_is_refused() throws Exception {
        expectUnauthenticated(readerToken().validFrom(Duration.ofMinutes(5)).expiringIn(Duration.ofMinutes(10)).signed());
    }

    @Test
    void a_token_that_never_expires_is_refused() throws Exception {
        expectUnauthenticated(readerToken().withoutExpiry().signed());
    }

    @Test
    void a_token_from_another_issuer_is_refused() throws Exception {
        expectUnauthenticated(readerToken().issuedBy("http://localhost:8180/realms/master").signed());
    }

    @Test
    void a_token_signed_by_another_key_is_refused() throws Exception {
        expectUnauthenticated(readerToken().signedByAnotherKey().signed());
    }

    @Test
    void an_unsigned_token_is_refused() throws Exception {
        expectUnauthenticated(readerToken().unsigned());
    }

    @Test
    void a_token_signed_with_the_public_key_as_a_shared_secret_is_refused() throws Exception {
        expectUnauthenticated(readerToken().macSignedWithThePublicKey());
    }

    @Test
    void something_that_is_not_a_token_is_refused() throws Exception {
        expectUnauthenticated("not-a-token");
        expectUnauthenticated("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
    }

    @Test
    void a_token_meant_for_another_audience_is_refused() throws Exception {
        expectUnauthenticated(readerToken().forAudience("account").signed());
        expectUnauthenticated(readerToken().forAudience().signed());
    }

    @Test
    void a_token_for_the_clinic_api_and_other_audiences_is_accepted() throws Exception {
        mvc.perform(aRead().with(readerToken().forAudience("account", TestTokenIssuer.AUDIENCE)))
                .andExpect(status().isOk());
    }

    @Test
    void a_token_of_another_type_is_refused() throws Exception {
        expectUnauthenticated(readerToken().ofType("logout+jwt").signed());
    }

    @Test
    void a_token_without_a_role_claim_signs_in_with_no_roles() throws Exception {
        expectForbidden(aRead().with(readerToken().withoutClaim("realm_access")));
    }

    @Test
    void a_malformed_role_claim_counts_as_no_roles() throws Exception {
        expectForbidden(aRead().with(readerToken().withClaim("realm_access", readerRole())));
        expectForbidden(aRead().with(readerToken().withClaim("realm_access", Map.of("roles", readerRole()))));
    }

    @Test
    void roles_that_are_not_clinic_roles_grant_nothing() throws Exception {
        expectForbidden(aRead().with(ClinicJwt.as("visitor1", "offline_access", "uma_authorization", "admin")));
    }

    @Test
    void a_client_role_of_the_same_name_is_not_a_realm_role() throws Exception {
        expectForbidden(aRead().with(readerToken().withClaim("realm_access", Map.of("roles", List.of()))
                .withClaim("resource_access", Map.of("clinic-cli", Map.of("roles", List.of(readerRole()))))));
    }

    @Test
    void the_wrong_role_is_forbidden() throws Exception {
        expectForbidden(aCallTheReaderMayNotMake().with(readerToken()));
    }

    @Test
    void only_health_is_open_to_everyone() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        for (String endpoint : List.of("/actuator", "/actuator/info", "/actuator/prometheus")) {
            mvc.perform(get(endpoint))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void info_and_metrics_are_the_clinic_admins() throws Exception {
        for (String endpoint : List.of("/actuator", "/actuator/info", "/actuator/prometheus")) {
            for (String role : List.of("front-desk", "proceduralist", "coordinator")) {
                expectForbidden(get(endpoint).with(ClinicJwt.as("someone", role)));
            }
        }
        mvc.perform(get("/actuator/info").with(ClinicJwt.clinicAdmin())).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    private void expectUnauthenticated(String token) throws Exception {
        mvc.perform(aRead().header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }

    private ResultActions expectForbidden(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"));
    }
}
