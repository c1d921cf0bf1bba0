package org.clinictracker.procedures.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;

import org.clinictracker.testsupport.BearerTokenContract;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** procedure-service keeps the bearer-token contract: a proceduralist may list procedures, not read the audit trail. */
@ClinicServiceTest
class BearerTokenTests extends BearerTokenContract {

    @Override
    protected String readerRole() {
        return "proceduralist";
    }

    @Override
    protected MockHttpServletRequestBuilder aRead() {
        return get("/api/procedures").param("patientId", UUID.randomUUID().toString());
    }

    @Override
    protected MockHttpServletRequestBuilder aCallTheReaderMayNotMake() {
        return get("/api/procedures/audit").param("patientId", UUID.randomUUID().toString());
    }
}
