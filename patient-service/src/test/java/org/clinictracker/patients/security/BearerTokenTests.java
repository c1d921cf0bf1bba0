package org.clinictracker.patients.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;

import org.clinictracker.testsupport.BearerTokenContract;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** patient-service keeps the bearer-token contract: front-desk may search patients, not read the audit trail. */
@ClinicServiceTest
class BearerTokenTests extends BearerTokenContract {

    @Override
    protected String readerRole() {
        return "front-desk";
    }

    @Override
    protected MockHttpServletRequestBuilder aRead() {
        return get("/api/patients").param("q", "nobody-by-this-name");
    }

    @Override
    protected MockHttpServletRequestBuilder aCallTheReaderMayNotMake() {
        return get("/api/patients/{id}/audit", UUID.randomUUID());
    }
}
