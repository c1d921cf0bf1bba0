package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.clinictracker.democlinic.DemoClinic;
import org.clinictracker.democlinic.LoadReport;
import org.clinictracker.testsupport.keycloak.KeycloakTokens;
import org.clinictracker.testsupport.keycloak.LocalKeycloak;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./clinic seed}'s loader run against the started clinic's gateway, then the demo clinic read back through
 * the API as the staff would see it: every modality, a repeat treatment numbered 2, responders and waning relief,
 * candidates open, booked, dismissed and repeated, complications; and a second run adds nothing.
 */
class DemoClinicSystemTests {

    private static ClinicSystem clinic;
    private static LoadReport firstLoad;

    @BeforeAll
    static void loadTheDemoClinic() throws InterruptedException {
        clinic = ClinicSystem.start();
        firstLoad = DemoClinic.load(settings());
        System.out.print(firstLoad.summary());
    }

    private static DemoClinic.Settings settings() {
        return new DemoClinic.Settings(URI.create(clinic.baseUrl(ClinicService.GATEWAY)),
                URI.create(LocalKeycloak.tokenUri()), KeycloakTokens.DEV_PASSWORD, ZoneOffset.UTC, 4);
    }

    @Test
    void every_demo_patient_is_loaded_with_procedures_of_each_modality() {
        assertThat(firstLoad.failures()).isEmpty();
        assertThat(firstLoad.patientsAdded()).isBetween(25, 40);
        assertThat(firstLoad.proceduresByModality()).containsOnlyKeys("CRYONEUROLYSIS", "RADIOFREQUENCY_ABLATION", "NERVE_BLOCK");
        String coordinator = KeycloakTokens.accessToken("coordinator1");
        for (String modality : List.of("CRYONEUROLYSIS", "RADIOFREQUENCY_ABLATION", "NERVE_BLOCK")) {
            assertThat(total(get("/api/procedures?modality=" + modality + "&size=1", coordinator)))
                    .as("%s procedures", modality).isGreaterThanOrEqualTo(firstLoad.proceduresByModality().get(modality));
        }
    }

    @Test
    void a_repeat_treatment_is_number_2_and_linked_to_the_first() {
        List<JsonNode> cryo = all("/api/procedures?modality=CRYONEUROLYSIS", KeycloakTokens.accessToken("proceduralist1"));
        List<JsonNode> repeats = cryo.stream().filter(p -> p.path("treatmentNumber").asInt() == 2).toList();
        assertThat(repeats).hasSizeGreaterThanOrEqualTo(2);
        assertThat(repeats).allSatisfy(repeat -> assertThat(repeat.path("previousProcedureId").asString()).isNotEmpty());
    }

    @Test
    void waning_relief_made_candidates_that_are_open_booked_dismissed_and_repeated() {
        String coordinator = KeycloakTokens.accessToken("coordinator1");
        assertThat(total(get("/api/repeat-treatments?status=OPEN&size=1", coordinator))).isGreaterThanOrEqualTo(2);
        assertThat(total(get("/api/repeat-treatments?status=DISMISSED&size=1", coordinator))).isGreaterThanOrEqualTo(1);
        // the block→cryoneurolysis, block→RFA and cryoneurolysis→cryoneurolysis paths each close theirs
        assertThat(total(get("/api/repeat-treatments?status=REPEATED&size=1", coordinator))).isGreaterThanOrEqualTo(5);
    }

    @Test
    void responders_and_waning_responders_are_judged_so_by_the_follow_up_rules() {
        String coordinator = KeycloakTokens.accessToken("coordinator1");
        JsonNode maria = get("/api/patients?q=nunez%20maria", coordinator).path("content").get(0);
        List<JsonNode> visits = all("/api/followups?patientId=" + maria.path("id").asString() + "&status=COMPLETED", coordinator);
        List<JsonNode> outcomes = new ArrayList<>();
        for (JsonNode visit : visits) {
            outcomes.add(get("/api/followups/" + visit.path("id").asString() + "/outcome", coordinator));
        }
        assertThat(outcomes).anySatisfy(o -> assertThat(o.path("responder").asBoolean()).isTrue());
        assertThat(outcomes).anySatisfy(o -> {
            assertThat(o.path("waningRelief").asBoolean()).isTrue();
            assertThat(o.path("assessedOn").asString()).isNotEmpty();
        });
        assertThat(visits).anySatisfy(v -> assertThat(v.path("treatmentNumber").asInt()).isEqualTo(2));
    }

    @Test
    void complications_are_on_the_records_also_those_noticed_at_follow_up_visits() {
        String proceduralist = KeycloakTokens.accessToken("proceduralist1");
        Awaitility.await("the complication a coordinator noticed reaches the procedure's record")
                .atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    List<JsonNode> complications = all("/api/procedures", proceduralist).stream()
                            .flatMap(p -> p.path("adverseEvents").valueStream()).toList();
                    assertThat(complications).hasSizeGreaterThanOrEqualTo(10);
                    assertThat(complications).extracting(c -> c.path("severity").asString()).contains("MILD", "MODERATE");
                    assertThat(complications).extracting(c -> c.path("source").asString()).contains("FOLLOW_UP");
                });
    }

    @Test
    void loading_again_adds_nothing() throws InterruptedException {
        String frontDesk = KeycloakTokens.accessToken("frontdesk1");
        long before = total(get("/api/patients?size=1", frontDesk));
        LoadReport again = DemoClinic.load(settings());
        assertThat(again.failures()).isEmpty();
        assertThat(again.patientsAdded()).isZero();
        assertThat(again.patientsAlreadyThere()).isEqualTo(firstLoad.patientsAdded());
        assertThat(again.summary()).contains("already loaded");
        assertThat(total(get("/api/patients?size=1", frontDesk))).isEqualTo(before);
    }

    private static JsonNode get(String path, String token) {
        HttpAnswer answer = HttpAnswer.call("GET", clinic.baseUrl(ClinicService.GATEWAY) + path, token);
        assertThat(answer.status()).as("GET %s answered %s", path, answer).isEqualTo(200);
        return answer.json();
    }

    /** Every item of a paged list (pages of 100). */
    private static List<JsonNode> all(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode answer = get(path + separator + "size=100&page=" + page, token);
            answer.path("content").forEach(items::add);
            if (page + 1 >= answer.path("page").path("totalPages").asInt()) {
                return items;
            }
        }
    }

    private static long total(JsonNode page) {
        return page.path("page").path("totalElements").asLong();
    }
}
