package org.clinictracker.patients.events;

import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;

import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.patients.PatientApi;
import org.clinictracker.testsupport.KafkaOutageContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** A patient registered while Kafka is unreachable is announced once Kafka is back. */
class KafkaOutageTests extends KafkaOutageContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Override
    protected UUID changeWhileKafkaIsDown() throws Exception {
        return new PatientApi(mvc, json).registerId(registration(uniqueFamilyName()));
    }

    @Override
    protected String topic() {
        return Topics.PATIENTS;
    }

    @Override
    protected String eventType() {
        return "PatientRegistered";
    }
}
