package org.clinictracker.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.patients.PatientFixtures.registration;
import static org.clinictracker.patients.PatientFixtures.uniqueFamilyName;
import static org.clinictracker.patients.PatientFixtures.with;
import static org.clinictracker.patients.PatientFixtures.without;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.clinictracker.events.Topics;
import org.clinictracker.patients.PatientApi;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.EventSchemas;
import org.clinictracker.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ClinicServiceTest
class PatientRegistrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker kafka;

    PatientApi api;

    @BeforeEach
    void setUp() {
        api = new PatientApi(mvc, json);
    }

    @Test
    void a_registered_patient_can_be_read_found_and_corrected_and_each_step_is_announced() throws Exception {
        String family = "Núñez" + uniqueFamilyName();
        var body = registration("José", family);

        var created = mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(body)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().string("Location", matchesPattern("/api/patients/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.mrn").value(matchesPattern("CT-\\d{6,}-\\d")))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.registeredBy").value("frontdesk1"))
                .andReturn();
        JsonNode patient = json.readTree(created.getResponse().getContentAsString());
        UUID id = UUID.fromString(patient.get("id").asString());
        String mrn = patient.get("mrn").asString();

        mvc.perform(get("/api/patients/{id}", id).with(ClinicJwt.proceduralist()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.familyName").value(family))
                .andExpect(jsonPath("$.address.city").value("Porto"))
                .andExpect(jsonPath("$.indication.code").value("KNEE_OSTEOARTHRITIS"))
                .andExpect(jsonPath("$.indication.icd10").value("M17"))
                .andExpect(jsonPath("$.currentTherapies", contains("PHYSICAL_THERAPY", "NSAID")));

        // Accent- and case-insensitive prefix of the family name, with the given name in any order.
        String typed = "jose " + family.substring(0, 8).toUpperCase().replace("Ú", "U").replace("Ñ", "N");
        mvc.perform(get("/api/patients").param("q", typed).with(ClinicJwt.frontDesk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(id.toString())))
                .andExpect(jsonPath("$.page.number").value(0));
        mvc.perform(get("/api/patients").param("mrn", mrn.toLowerCase()).with(ClinicJwt.coordinator()))
                .andExpect(jsonPath("$.content[*].id", contains(id.toString())))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/patients").param("q", family).param("birthDate", "1961-04-17").with(ClinicJwt.frontDesk()))
                .andExpect(jsonPath("$.content[*].id", contains(id.toString())));
        mvc.perform(get("/api/patients").param("q", family).param("birthDate", "1961-04-18").with(ClinicJwt.frontDesk()))
                .andExpect(jsonPath("$.page.totalElements").value(0));

        // the baseline pain score and opioid use are corrected too: followup-service measures outcomes against them;
        // the e-mail address is removed: followup-service must stop sending links to it
        var corrected = without(with(with(with(body, "phone", "+351 911 111 111"), "baselinePainScore", 6),
                "opioidMmePerDay", 22.5), "email");
        mvc.perform(put("/api/patients/{id}", id).with(ClinicJwt.frontDesk()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(corrected)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.phone").value("+351 911 111 111"))
                .andExpect(jsonPath("$.mrn").value(mrn));

        // A second clerk still holding version 0 must not overwrite the first correction.
        mvc.perform(put("/api/patients/{id}", id).with(ClinicJwt.frontDesk()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(with(body, "phone", "+1 999"))))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("stale-version"))
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(put("/api/patients/{id}", id).with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(corrected)))
                .andExpect(status().isPreconditionRequired());
        assertThat(api.read(id).get("phone").asString()).isEqualTo("+351 911 111 111");

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            String registered = topic.awaitRecord(id, event -> event.contains("\"PatientRegistered\""), Duration.ofSeconds(30));
            String updated = topic.awaitRecord(id, event -> event.contains("\"PatientUpdated\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PATIENTS, "PatientRegistered", registered);
            EventSchemas.assertConforms(Topics.PATIENTS, "PatientUpdated", updated);
            JsonNode event = json.readTree(registered);
            assertThat(event.get("subject").asString()).isEqualTo(id.toString());
            assertThat(event.get("data").get("mrn").asString()).isEqualTo(mrn);
            assertThat(event.get("data").get("displayName").asString()).isEqualTo(family + ", José");
            assertThat(registered).doesNotContain("Harbour", "Acme", "AH-778812", "555 0100", "Rui Silva", "Ana Costa",
                    "Kellgren");
            // the first name and e-mail address travel: followup-service greets the patient and sends the link
            assertThat(event.get("data").get("givenName").asString()).isEqualTo("José");
            assertThat(event.get("data").get("email").asString()).isEqualTo("patient@example.org");
            assertThat(event.get("data").get("baselinePainScore").asInt()).isEqualTo(7);
            assertThat(event.get("data").get("opioidMmePerDay").asDouble()).isEqualTo(15.0);
            assertThat(json.readTree(updated).get("data").get("version").asInt()).isEqualTo(1);
            assertThat(json.readTree(updated).get("data").get("baselinePainScore").asInt()).isEqualTo(6);
            assertThat(json.readTree(updated).get("data").get("opioidMmePerDay").asDouble()).isEqualTo(22.5);
            assertThat(json.readTree(updated).get("data").get("givenName").asString()).isEqualTo("José");
            JsonNode email = json.readTree(updated).get("data").get("email");
            assertThat(email == null || email.isNull()).as("a removed e-mail address is announced as none").isTrue();
        }
    }

    @Test
    void a_chart_without_a_baseline_pain_score_opioid_use_or_email_is_announced_without_them() throws Exception {
        // an empty e-mail field passes @Email: it is no address, and must not reach followup-service as one
        var body = with(without(without(registration("Ana", "Dias" + uniqueFamilyName()), "baselinePainScore"),
                "opioidMmePerDay"), "email", "");
        UUID id = UUID.fromString(json.readTree(mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(body)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString());

        try (TopicProbe topic = TopicProbe.on(kafka.getBrokersAsString(), Topics.PATIENTS)) {
            String registered = topic.awaitRecord(id, event -> event.contains("\"PatientRegistered\""), Duration.ofSeconds(30));
            EventSchemas.assertConforms(Topics.PATIENTS, "PatientRegistered", registered);
            JsonNode score = json.readTree(registered).get("data").get("baselinePainScore");
            assertThat(score == null || score.isNull()).as("no score is sent as none, never as 0").isTrue();
            JsonNode opioids = json.readTree(registered).get("data").get("opioidMmePerDay");
            assertThat(opioids == null || opioids.isNull()).as("no opioid use is sent as none, never as 0").isTrue();
            JsonNode email = json.readTree(registered).get("data").get("email");
            assertThat(email == null || email.isNull()).as("no e-mail address is sent as none").isTrue();
            assertThat(json.readTree(registered).get("data").get("givenName").asString()).isEqualTo("Ana");
        }
    }

    @Test
    void registering_a_known_person_twice_is_refused_with_the_candidate() throws Exception {
        String family = "O'Brien" + uniqueFamilyName();
        JsonNode first = api.register(registration("Zoë", family));

        // Same person typed differently: case, accent, apostrophe, given and family swapped.
        var again = registration(family.toUpperCase().replace("'", ""), "zoe");
        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk())
                        .contentType(MediaType.APPLICATION_JSON).content(api.asJson(again)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("possible-duplicate"))
                .andExpect(jsonPath("$.candidates[0].id").value(first.get("id").asString()))
                .andExpect(jsonPath("$.candidates[0].mrn").value(first.get("mrn").asString()));

        assertThat(chartsWithDuplicateKeyOf("Zoë", family)).isEqualTo(1);
    }

    @Test
    void a_clerk_can_confirm_that_a_namesake_is_a_different_person() throws Exception {
        String family = uniqueFamilyName();
        UUID first = api.registerId(registration("Ana", family));

        var namesake = with(registration("Ana", family), "notDuplicateOf", List.of(first.toString()));
        JsonNode second = api.register(namesake);

        assertThat(second.get("id").asString()).isNotEqualTo(first.toString());
        assertThat(chartsWithDuplicateKeyOf("Ana", family)).isEqualTo(2);
        // A third registration must still be checked against both.
        mvc.perform(post("/api/patients").with(ClinicJwt.frontDesk()).contentType(MediaType.APPLICATION_JSON)
                        .content(api.asJson(with(registration("Ana", family), "notDuplicateOf", List.of(first.toString())))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.candidates[*].id", contains(second.get("id").asString())));
    }

    @Test
    void mrns_are_assigned_in_sequence() throws Exception {
        String firstMrn = api.register(registration(uniqueFamilyName())).get("mrn").asString();
        String secondMrn = api.register(registration(uniqueFamilyName())).get("mrn").asString();

        assertThat(sequenceNumber(secondMrn)).isGreaterThan(sequenceNumber(firstMrn));
        assertThat(Mrn.canonical(firstMrn)).isEqualTo(firstMrn);
    }

    @Test
    void search_results_are_paged_and_sorted() throws Exception {
        String family = uniqueFamilyName();
        for (String given : List.of("Carla", "Alba", "Berta")) {
            api.register(with(registration(given, family), "birthDate", "1970-01-0" + given.length()));
        }

        mvc.perform(get("/api/patients").param("q", family).param("sort", "GIVEN_NAME").param("size", "2")
                        .with(ClinicJwt.frontDesk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].givenName", contains("Alba", "Berta")))
                .andExpect(jsonPath("$.page.size").value(2))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        mvc.perform(get("/api/patients").param("q", family).param("sort", "GIVEN_NAME").param("size", "2")
                        .param("page", "1").with(ClinicJwt.frontDesk()))
                .andExpect(jsonPath("$.content[*].givenName", contains("Carla")));
    }

    private long chartsWithDuplicateKeyOf(String given, String family) {
        return jdbc.sql("SELECT count(*) FROM patient WHERE duplicate_key = ?")
                .param(NameNormalizer.duplicateKey(given, family)).query(Long.class).single();
    }

    private static long sequenceNumber(String mrn) {
        return Long.parseLong(mrn.split("-")[1]);
    }
}
