package org.clinictracker.followups.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.RequestBodyFuzz;
import org.clinictracker.testsupport.RequestBodyFuzz.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bad outcomes are refused with a problem naming the field, and leave nothing behind: no outcome, no complication,
 * no audit entry, no event, the visit still open.
 */
@ClinicServiceTest
class OutcomeInputTests {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    TestClock clock;

    @BeforeEach
    void today() {
        clock.set(TODAY);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Stream<Arguments> badOutcomes() {
        return Stream.of(
                bad("pain above 10", Map.of("painScore", 11), 400, "painScore"),
                bad("pain below 0", Map.of("painScore", -1), 400, "painScore"),
                bad("pain as text", Map.of("painScore", "three"), 400, "painScore"),
                bad("pain with a fraction", Map.of("painScore", 7.5), 400, "painScore"),
                bad("relief above 100 %", Map.of("reliefPercent", 101), 400, "reliefPercent"),
                bad("satisfaction 0", Map.of("satisfaction", 0), 400, "satisfaction"),
                bad("satisfaction 6", Map.of("satisfaction", 6), 400, "satisfaction"),
                bad("negative opioid dose", Map.of("opioidMmePerDay", -1), 400, "opioidMmePerDay"),
                bad("opioid dose beyond any clinic's", Map.of("opioidMmePerDay", 5000.5), 400, "opioidMmePerDay"),
                bad("sensation as text", Map.of("sensationReturned", "yes"), 400, "sensationReturned"),
                bad("unknown instrument", Map.of("functionScore", Map.of("instrument", "KOOS", "value", 40)), 400,
                        "functionScore.instrument"),
                bad("function score without a value", Map.of("functionScore", Map.of("instrument", "ODI")), 400,
                        "functionScore.value"),
                bad("WOMAC beyond 96", Map.of("functionScore", Map.of("instrument", "WOMAC", "value", 97)), 422,
                        "functionScore.value"),
                bad("PROMIS T-score below 10", Map.of("functionScore", Map.of("instrument", "PROMIS_PHYSICAL_FUNCTION",
                        "value", 8)), 422, "functionScore.value"),
                bad("assessed tomorrow", Map.of("painScore", 3, "assessedOn", TODAY.plusDays(1).toString()), 422,
                        "assessedOn"),
                bad("assessed before the procedure", Map.of("painScore", 3, "assessedOn", TODAY.minusDays(30).toString()),
                        422, "assessedOn"),
                bad("assessed on a day that is no date", Map.of("painScore", 3, "assessedOn", "yesterday"), 400,
                        "assessedOn"),
                bad("nothing measured", Map.of(), 422, "painScore"),
                bad("notes alone", Map.of("notes", "Called twice, no answer."), 422, "painScore"),
                bad("huge notes", Map.of("painScore", 3, "notes", "x".repeat(4001)), 400, "notes"),
                bad("unknown complication", Map.of("adverseEvents", List.of(complication("SNEEZING", null))), 400,
                        "adverseEvents[0].type"),
                bad("OTHER complication without a description", Map.of("adverseEvents",
                        List.of(complication("OTHER", null))), 422, "adverseEvents[0].description"),
                bad("complication description on two lines", Map.of("adverseEvents",
                        List.of(complication("OTHER", "itching\nat the site"))), 400, "adverseEvents[0].description"));
    }

    private static Arguments bad(String what, Map<String, ?> body, int status, String field) {
        return Arguments.of(what, body, status, field);
    }

    private static Map<String, Object> complication(String type, String description) {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("type", type, "severity", "MILD", "serious", false,
                "onsetOn", TODAY.minusDays(10).toString(), "outcome", "ONGOING"));
        if (description != null) {
            event.put("description", description);
        }
        return event;
    }

    @ParameterizedTest(name = "{0} -> {2} naming {3}")
    @MethodSource("badOutcomes")
    void a_bad_outcome_is_refused_naming_the_field_and_nothing_is_stored(String what, Map<String, ?> body, int status,
            String field) throws Exception {
        UUID visitId = openVisit();
        Stored before = stored();

        mvc.perform(post("/api/followups/{id}/outcome", visitId).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItem(field)));

        assertThat(stored()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT state FROM follow_up_visit WHERE id = ?").param(visitId).query(String.class).single())
                .isEqualTo("OPEN");
    }

    @Test
    void a_body_that_is_not_json_is_a_bad_request() throws Exception {
        mvc.perform(post("/api/followups/{id}/outcome", openVisit()).with(ClinicJwt.coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"painScore\": 3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_hostile_body_is_refused_with_a_problem_and_stores_nothing() {
        new RequestBodyFuzz(mvc, this::stored).refusesEveryHostileBody(freshVisitEachTime(), 80);
    }

    @Test
    void odd_texts_and_numbers_never_give_a_server_error() {
        new RequestBodyFuzz(mvc, this::stored).neverFailsOnOddValues(freshVisitEachTime(), 40);
    }

    /** A full outcome to mutate, posted each time to a visit not yet documented. */
    private Call freshVisitEachTime() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("painScore", 3);
        valid.put("reliefPercent", 60);
        valid.put("functionScore", Map.of("instrument", "ODI", "value", 24));
        valid.put("opioidMmePerDay", 10);
        valid.put("satisfaction", 4);
        valid.put("sensationReturned", false);
        valid.put("adverseEvents", List.of(complication("OTHER", "itching at the probe site")));
        valid.put("notes", "Back at work\nhalf days");
        valid.put("assessedOn", TODAY.toString());
        return new Call("POST /api/followups/{id}/outcome", HttpMethod.POST,
                () -> "/api/followups/" + openVisit() + "/outcome", ClinicJwt.coordinator(), Map::of, valid);
    }

    /** The WEEK_2 visit of a fresh plan, in its window today. */
    private UUID openVisit() {
        UUID patientId = plans.patient("Brandt, Ilse", 7);
        return plans.visit(plans.start(Plans.kneeCryo(patientId, TODAY.minusDays(14))), "WEEK_2");
    }

    private record Stored(long outcomes, long complications, long audit, long events) {
    }

    /** What recording an outcome would change (a new plan's own rows and FollowUpPlanCreated aside). */
    private Stored stored() {
        return new Stored(count("SELECT count(*) FROM follow_up_outcome"),
                count("SELECT count(*) FROM observed_adverse_event"),
                count("SELECT count(*) FROM audit_entry WHERE action LIKE 'FOLLOW_UP_OUTCOME%'"),
                count("SELECT count(*) FROM outbox_event WHERE event_type <> 'FollowUpPlanCreated'"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
