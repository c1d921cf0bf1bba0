package org.clinictracker.followups.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.clinictracker.testsupport.BearerTokenContract;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** followup-service keeps the bearer-token contract: a coordinator reads protocols but may not change them. */
@ClinicServiceTest
class BearerTokenTests extends BearerTokenContract {

    @Override
    protected String readerRole() {
        return "coordinator";
    }

    @Override
    protected MockHttpServletRequestBuilder aRead() {
        return get("/api/followups/protocols");
    }

    @Override
    protected MockHttpServletRequestBuilder aCallTheReaderMayNotMake() {
        return put("/api/followups/protocols/NERVE_BLOCK").header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"visits\":[]}");
    }
}
