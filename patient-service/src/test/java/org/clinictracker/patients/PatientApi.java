package org.clinictracker.patients;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.clinictracker.testsupport.ClinicJwt;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calls most tests need before they get to the point: register a patient, read one. */
public record PatientApi(MockMvc mvc, JsonMapper json) {

    public JsonNode register(Map<String, Object> body) throws Exception {
        MvcResult result = mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    public UUID registerId(Map<String, Object> body) throws Exception {
        return UUID.fromString(register(body).get("id").asString());
    }

    public JsonNode read(UUID id) throws Exception {
        MvcResult result = mvc.perform(get("/api/patients/{id}", id).with(ClinicJwt.frontDesk()))
                .andExpect(status().isOk())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    public String asJson(Object body) {
        return json.writeValueAsString(body);
    }
}
