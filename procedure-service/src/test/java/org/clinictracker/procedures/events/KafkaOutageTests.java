package org.clinictracker.procedures.events;

import static org.clinictracker.procedures.ProcedureRequests.kneeCryoneurolysis;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.events.patients.ConsentRecorded;
import org.clinictracker.events.patients.PatientRegistered;
import org.clinictracker.events.patients.PatientScreened;
import org.clinictracker.procedures.patient.KnownPatients;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.KafkaOutageContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** A procedure recorded while Kafka is unreachable is announced once Kafka is back. */
class KafkaOutageTests extends KafkaOutageContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    KnownPatients knownPatients;

    @Override
    protected UUID changeWhileKafkaIsDown() throws Exception {
        // The patient's registration, screening and consent arrived before the outage (Kafka is down now, so
        // they are applied directly).
        UUID patientId = UUID.randomUUID();
        knownPatients.registered(UUID.randomUUID(), new PatientRegistered(patientId, "CT-000042-2", "Silva, Maria",
                LocalDate.of(1958, 3, 2), "FEMALE", "KNEE_OSTEOARTHRITIS", 0, 7, null, "Maria", null));
        knownPatients.screened(UUID.randomUUID(), Instant.now(), new PatientScreened(patientId, UUID.randomUUID(),
                "ELIGIBLE", List.of(), null, "ELIGIBLE", Instant.now(), List.of(new PatientScreened.ModalityScreening(
                        "CRYONEUROLYSIS", "ELIGIBLE", List.of(), null, null, "ELIGIBLE"))));
        knownPatients.consented(UUID.randomUUID(), new ConsentRecorded(patientId, UUID.randomUUID(), "CRYONEUROLYSIS",
                LocalDate.now()));
        mvc.perform(post("/api/procedures").with(ClinicJwt.proceduralist()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(kneeCryoneurolysis(patientId, 0))))
                .andExpect(status().isCreated());
        return patientId;
    }

    @Override
    protected String topic() {
        return Topics.PROCEDURES;
    }

    @Override
    protected String eventType() {
        return "ProcedureRecorded";
    }
}
