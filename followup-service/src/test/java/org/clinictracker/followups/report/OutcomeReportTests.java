package org.clinictracker.followups.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.Plans;
import org.clinictracker.followups.TestClock;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.followups.report.statistics.Proportions;
import org.clinictracker.testsupport.ClinicJwt;
import org.clinictracker.testsupport.ClinicServiceTest;
import org.clinictracker.testsupport.ClinicToken;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome report over a small clinic built by hand, every figure worked out below. The clinic's procedures all
 * target a nerve of this test's own (and the report is asked for that nerve), on a "today" far in the future, so
 * other tests' plans in the same database never enter it. Plans are started as the procedure consumer starts them,
 * then pinned to protocol version 1 (other tests publish new versions); each outcome gets a visit of its own.
 */
@ClinicServiceTest
class OutcomeReportTests {

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

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    private LocalDate today;
    private UUID ann;
    private String nerve;
    private String otherNerve;

    @BeforeEach
    void aDayAndANerveOfItsOwn() {
        today = LocalDate.of(2300, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 300_000));
        clock.set(today);
        nerve = "RPT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        otherNerve = nerve + "_B";
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * The clinic (days after each procedure; T = today):
     * <pre>
     * P1 Ann  cryo  knee OA  nerves A+B  baseline 8  on T-400  d65 pain 5 no / d95 pain 3 yes 20 MME / d180 pain 2 yes
     *         10 MME / d300 pain 7 waning; responder from d95, relief ended d300; a non-serious temporary numbness
     * P2 Ben  cryo  knee OA  nerve A     baseline 6  on T-200  d90 pain 3 yes / d185 pain 2 yes; still relieved
     * P3 Cat  RFA   knee OA  nerve A     baseline 7  on T-500  d100 pain 6 no; repeated by P4 on its day 250
     * P4 Cat  RFA   knee OA  nerve A     baseline 7  on T-250  repeat of P3; d95 pain 3 yes / d230 pain 7 waning;
     *         responder from d95, relief ended d230
     * P5 Dan  block low back nerve A     no baseline on T-100  d70 pain 4 (responder unknown); two non-serious
     *         bruisings and a serious superficial infection
     * </pre>
     * At intake Ann took 40 MME/day of opioids, Cat 15, Dan none; Ben was not asked. Ben answered both his visits
     * himself, through a link; the coordinator recorded the others.
     */
    private void theClinic() {
        ann = plans.patient("Report, Ann", 8);
        UUID ben = plans.patient("Report, Ben", 6);
        UUID cat = plans.patient("Report, Cat", 7);
        UUID dan = plans.patient("Report, Dan", null);
        intakeOpioids(ann, 40.0);
        intakeOpioids(cat, 15.0);
        intakeOpioids(dan, 0.0);

        Treated p1 = treat(ann, today.minusDays(400), Modality.CRYONEUROLYSIS, "KNEE_OSTEOARTHRITIS", 8, null, nerve, otherNerve);
        outcome(p1, 65, 5, false, null);
        outcome(p1, 95, 3, true, 20.0);
        outcome(p1, 180, 2, true, 10.0);
        outcome(p1, 300, 7, false, null);
        response(p1, 95, 300);
        adverseEvent(p1, "TEMPORARY_NUMBNESS", false);

        Treated p2 = treat(ben, today.minusDays(200), Modality.CRYONEUROLYSIS, "KNEE_OSTEOARTHRITIS", 6, null, nerve);
        outcome(p2, 90, 3, true, null);
        outcome(p2, 185, 2, true, null);
        response(p2, 90, null);
        answeredByThePatient(p2);

        Treated p3 = treat(cat, today.minusDays(500), Modality.RADIOFREQUENCY_ABLATION, "KNEE_OSTEOARTHRITIS", 7, null, nerve);
        outcome(p3, 100, 6, false, null);
        Treated p4 = treat(cat, today.minusDays(250), Modality.RADIOFREQUENCY_ABLATION, "KNEE_OSTEOARTHRITIS", 7,
                p3.procedureId, nerve);
        outcome(p4, 95, 3, true, null);
        outcome(p4, 230, 7, false, null);
        response(p3, null, null);
        response(p4, 95, 230);

        Treated p5 = treat(dan, today.minusDays(100), Modality.NERVE_BLOCK, "LOW_BACK_FACET_PAIN", null, null, nerve);
        outcome(p5, 70, 4, null, null);
        response(p5, null, null);
        adverseEvent(p5, "BRUISING", false);
        adverseEvent(p5, "BRUISING", false);
        adverseEvent(p5, "SUPERFICIAL_INFECTION", true);
    }

    @Test
    void every_figure_of_the_whole_clinic_is_the_hand_computed_one() throws Exception {
        theClinic();

        JsonNode report = report("?nerve=" + nerve, ClinicJwt.coordinator());

        assertThat(report.path("scope").path("nerve").asString()).isEqualTo(nerve);
        JsonNode overall = report.path("overall");
        assertThat(overall.path("dimension").asString()).isEqualTo("ALL");
        assertThat(overall.path("procedures").asInt()).isEqualTo(5);
        assertThat(overall.path("patients").asInt()).isEqualTo(4); // Cat twice

        // month 3 (days 60-120), the latest outcome in it: P1 d95 yes (not d65), P2 yes, P3 no, P4 yes; P5 unknown
        JsonNode month3 = overall.path("windows").get(0);
        assertThat(month3.path("window").asString()).isEqualTo("MONTH_3");
        assertThat(month3.path("assessed").asInt()).isEqualTo(4);
        assertThat(month3.path("responders").asInt()).isEqualTo(3);
        assertShare(month3.path("responderShare"), 3, 4);
        assertThat(month3.path("lostToFollowUp").asInt()).isZero();
        assertMean(month3.path("painScore"), 5, (3 + 3 + 6 + 3 + 4) / 5.0); // 3.8
        assertMean(month3.path("painReduction"), 4, ((8 - 3) + (6 - 3) + (7 - 6) + (7 - 3)) / 4.0); // 3.25; P5 no baseline
        assertMean(month3.path("opioidMmePerDay"), 1, 20.0);
        assertThat(month3.path("opioidMmePerDay").has("lower")).as("one value: no interval").isFalse();

        // month 6 (150-210): P1 d180 yes, P2 d185 yes; P3 lost (window over on day 210, repeated only on day 250),
        // P4 lost (its window ended 40 days ago); P5's window is not over (and a block's protocol has no visit then)
        JsonNode month6 = overall.path("windows").get(1);
        assertThat(month6.path("assessed").asInt()).isEqualTo(2);
        assertThat(month6.path("responders").asInt()).isEqualTo(2);
        assertShare(month6.path("responderShare"), 2, 2);
        assertThat(month6.path("lostToFollowUp").asInt()).isEqualTo(2);
        assertMean(month6.path("painScore"), 2, 2.0);
        assertMean(month6.path("painReduction"), 2, ((8 - 2) + (6 - 2)) / 2.0); // 5
        assertMean(month6.path("opioidMmePerDay"), 1, 10.0);

        // month 12 (330-390): nobody assessed; P1 lost (day 390 was 10 days ago, its protocol has a month-12 visit);
        // P3 not (RFA's protocol has no visit then, and P4 took over); P2, P4, P5 not yet over
        JsonNode month12 = overall.path("windows").get(2);
        assertThat(month12.path("assessed").asInt()).isZero();
        assertThat(month12.has("responderShare")).as("0 of 0 is no share").isFalse();
        assertThat(month12.path("lostToFollowUp").asInt()).isEqualTo(1);
        assertThat(month12.path("painScore").path("n").asInt()).isZero();

        // relief of P1 (ended d300), P2 (still relieved at its last outcome, d185: censored), P4 (ended d230):
        // at 185 3 at risk, 1 censored, S = 1; at 230 2 at risk, 1 event, S = 0.5; at 300 1 at risk, 1 event, S = 0
        JsonNode relief = overall.path("reliefDuration");
        assertThat(relief.path("subjects").asInt()).isEqualTo(3);
        assertThat(relief.path("events").asInt()).isEqualTo(2);
        assertThat(relief.path("censored").asInt()).isEqualTo(1);
        assertThat(relief.path("steps").valueStream().map(s -> s.path("day").asLong() + ":" + s.path("atRisk").asInt()
                + "/" + s.path("events").asInt() + "/" + s.path("censored").asInt() + "/" + s.path("survival").asDouble()))
                .containsExactly("185:3/0/1/1.0", "230:2/1/0/0.5", "300:1/1/0/0.0");
        assertThat(relief.path("medianDays").path("value").asDouble()).isEqualTo(230.0);

        // adverse events by type and seriousness: events, procedures with one, of the 5
        assertThat(overall.path("adverseEvents").valueStream().map(e -> e.path("type").asString() + " "
                + e.path("serious").asBoolean() + " " + e.path("events").asInt() + " " + e.path("procedures").asInt()))
                .containsExactly("BRUISING false 2 1", "SUPERFICIAL_INFECTION true 1 1", "TEMPORARY_NUMBNESS false 1 1");
        assertShare(overall.path("adverseEvents").get(0).path("rate"), 1, 5);

        // intake opioids per procedure: P1 40, P3 15, P4 15 (Cat's), P5 0; P2 unknown
        assertMean(overall.path("opioidBefore"), 4, (40 + 15 + 15 + 0) / 4.0); // 17.5

        // one repeat, 250 days after the treatment it repeated
        assertThat(overall.path("repeats").path("count").asInt()).isEqualTo(1);
        assertMean(overall.path("repeats").path("intervalDays"), 1, 250.0);
        assertThat(overall.path("published").isEmpty()).as("modalities and indications are mixed").isTrue();

        // visits with an outcome: P1 4, P2 2, P3 1, P4 2, P5 1; Ben answered his 2 himself
        assertThat(overall.path("patientAnswered").path("visits").asInt()).isEqualTo(10);
        assertThat(overall.path("patientAnswered").path("answered").asInt()).isEqualTo(2);
        assertShare(overall.path("patientAnswered").path("share"), 2, 10);
    }

    @Test
    void the_opioid_use_before_is_the_intake_when_the_procedure_was_done_not_the_chart_of_today() throws Exception {
        theClinic();
        intakeOpioids(ann, 90.0); // the chart changed after the procedures

        JsonNode overall = report("?nerve=" + nerve, ClinicJwt.coordinator()).path("overall");

        assertMean(overall.path("opioidBefore"), 4, (40 + 15 + 15 + 0) / 4.0);
    }

    @Test
    void a_later_outcome_without_a_verdict_does_not_hide_an_earlier_scored_one_in_its_window() throws Exception {
        Treated plan = treat(plans.patient("Report, Fay", 8), today.minusDays(200), Modality.CRYONEUROLYSIS,
                "KNEE_OSTEOARTHRITIS", 8, null, nerve);
        outcome(plan, 80, 3, true, 20.0);
        outcome(plan, 100, null, null, null); // a call about side effects only: no pain score, no verdict

        JsonNode month3 = report("?nerve=" + nerve, ClinicJwt.coordinator()).path("overall").path("windows").get(0);

        assertThat(month3.path("assessed").asInt()).isEqualTo(1);
        assertThat(month3.path("responders").asInt()).isEqualTo(1);
        assertMean(month3.path("painScore"), 1, 3.0);
        assertMean(month3.path("painReduction"), 1, 5.0);
        assertMean(month3.path("opioidMmePerDay"), 1, 20.0);
    }

    @Test
    void a_protocol_visit_held_outside_its_window_is_assessed_outside_it_not_lost() throws Exception {
        // cryoneurolysis, version 1: visits at months 3, 6 and 12; the month-3 visit (day 90) was moved to day 130
        Treated plan = treat(plans.patient("Report, Gus", 8), today.minusDays(400), Modality.CRYONEUROLYSIS,
                "KNEE_OSTEOARTHRITIS", 8, null, nerve);
        outcome(plan, 90, 130, 3, true, null, "STAFF");

        JsonNode windows = report("?nerve=" + nerve, ClinicJwt.coordinator()).path("overall").path("windows");

        JsonNode month3 = windows.get(0);
        assertThat(month3.path("assessed").asInt()).as("day 130 does not say how month 3 went").isZero();
        assertThat(month3.path("lostToFollowUp").asInt()).as("the patient was followed up").isZero();
        assertThat(month3.path("assessedOutsideWindow").asInt()).isEqualTo(1);
        // months 6 and 12: planned, over, no visit of theirs produced an outcome: lost
        assertThat(windows.get(1).path("lostToFollowUp").asInt()).isEqualTo(1);
        assertThat(windows.get(1).path("assessedOutsideWindow").asInt()).isZero();
        assertThat(windows.get(2).path("lostToFollowUp").asInt()).isEqualTo(1);
    }

    @Test
    void a_modality_filter_keeps_exactly_the_procedures_the_report_groups_under_that_modality() throws Exception {
        // a plan whose procedure replica is not (or no longer) there: grouped under the plan's own modality
        LocalDate day = today.minusDays(150);
        Treated plan = treat(plans.patient("Report, Hal", 8), day, Modality.RADIOFREQUENCY_ABLATION,
                "KNEE_OSTEOARTHRITIS", 8, null, nerve);
        jdbc.sql("DELETE FROM known_procedure WHERE id = ?").param(plan.procedureId).update();
        String period = "?from=" + day + "&to=" + day;

        JsonNode all = report(period, ClinicJwt.coordinator());
        JsonNode rfa = all.path("byModality").valueStream()
                .filter(group -> group.path("code").asString().equals("RADIOFREQUENCY_ABLATION")).findFirst().orElseThrow();
        JsonNode filtered = report(period + "&modality=RADIOFREQUENCY_ABLATION", ClinicJwt.coordinator());

        assertThat(rfa.path("procedures").asInt()).isPositive();
        assertThat(filtered.path("overall").path("procedures").asInt()).isEqualTo(rfa.path("procedures").asInt());
        assertThat(filtered.path("byModality").get(0).path("code").asString()).isEqualTo("RADIOFREQUENCY_ABLATION");
    }

    @Test
    void the_groups_are_by_modality_indication_and_nerve_with_the_published_figures_that_apply() throws Exception {
        theClinic();

        JsonNode report = report("?nerve=" + nerve, ClinicJwt.clinicAdmin());

        assertThat(codes(report.path("byModality"))).containsExactly("CRYONEUROLYSIS", "RADIOFREQUENCY_ABLATION", "NERVE_BLOCK");
        JsonNode cryo = report.path("byModality").get(0);
        assertThat(cryo.path("label").asString()).isEqualTo("Cryoneurolysis");
        assertThat(cryo.path("procedures").asInt()).isEqualTo(2);
        assertShare(cryo.path("windows").get(0).path("responderShare"), 2, 2);
        assertShare(cryo.path("patientAnswered").path("share"), 2, 6);
        assertThat(figures(cryo)).containsExactly("PAIN_REDUCTION 4.0-5.0", "RESPONDER_SHARE -0.7",
                "RELIEF_DURATION_DAYS 90.0-360.0");
        JsonNode rfa = report.path("byModality").get(1);
        assertThat(rfa.path("patients").asInt()).isEqualTo(1);
        assertThat(rfa.path("repeats").path("count").asInt()).isEqualTo(1);
        assertThat(rfa.path("windows").get(1).path("lostToFollowUp").asInt()).isEqualTo(2);
        assertThat(figures(rfa)).containsExactly("PAIN_REDUCTION 4.0-5.0", "RESPONDER_SHARE -0.7",
                "RELIEF_DURATION_DAYS 90.0-270.0");

        // a group of one: its size and an honest "no interval", never a bare percentage
        JsonNode block = report.path("byModality").get(2);
        assertThat(block.path("procedures").asInt()).isEqualTo(1);
        assertThat(block.path("windows").get(0).path("assessed").asInt()).isZero();
        assertThat(block.path("windows").get(0).has("responderShare")).isFalse();
        assertMean(block.path("windows").get(0).path("painScore"), 1, 4.0);
        assertThat(block.path("windows").get(0).path("painScore").has("lower")).isFalse();
        assertThat(block.path("reliefDuration").path("subjects").asInt()).isZero();
        assertThat(block.path("adverseEvents").get(1).path("rate").path("value").asDouble()).isEqualTo(1.0);
        assertThat(block.path("published").isEmpty()).isTrue();
        assertShare(block.path("patientAnswered").path("share"), 0, 1);

        assertThat(codes(report.path("byIndication"))).containsExactly("KNEE_OSTEOARTHRITIS", "LOW_BACK_FACET_PAIN");
        JsonNode knee = report.path("byIndication").get(0);
        assertThat(knee.path("label").asString()).isEqualTo("Knee osteoarthritis");
        assertThat(knee.path("procedures").asInt()).isEqualTo(4);
        assertThat(figures(knee)).as("knee OA of two modalities: the knee figures only")
                .containsExactly("PAIN_REDUCTION 4.0-5.0", "RESPONDER_SHARE -0.7");

        // P1 has both nerves: it counts under each
        assertThat(codes(report.path("byNerve"))).containsExactly(nerve, otherNerve);
        assertThat(report.path("byNerve").get(0).path("procedures").asInt()).isEqualTo(5);
        JsonNode other = report.path("byNerve").get(1);
        assertThat(other.path("procedures").asInt()).isEqualTo(1);
        assertThat(other.path("label").asString()).startsWith("Rpt ");
        assertThat(other.path("windows").get(2).path("lostToFollowUp").asInt()).isEqualTo(1);
    }

    @Test
    void the_scope_narrows_by_day_modality_and_indication() throws Exception {
        theClinic();

        // P2 (T-200), P4 (T-250), P5 (T-100) were performed in [T-300, T]
        JsonNode recent = report("?nerve=" + nerve + "&from=" + today.minusDays(300) + "&to=" + today,
                ClinicJwt.proceduralist());
        assertThat(recent.path("overall").path("procedures").asInt()).isEqualTo(3);
        assertThat(recent.path("overall").path("repeats").path("count").asInt()).isEqualTo(1);
        assertThat(report("?nerve=" + nerve + "&from=" + today.minusDays(250) + "&to=" + today.minusDays(250),
                ClinicJwt.proceduralist()).path("overall").path("procedures").asInt()).as("both days inclusive").isEqualTo(1);

        JsonNode cryo = report("?nerve=" + nerve + "&modality=CRYONEUROLYSIS", ClinicJwt.proceduralist());
        assertThat(cryo.path("overall").path("procedures").asInt()).isEqualTo(2);
        assertThat(figures(cryo.path("overall"))).as("the scope is all cryoneurolysis of knee OA")
                .containsExactly("PAIN_REDUCTION 4.0-5.0", "RESPONDER_SHARE -0.7", "RELIEF_DURATION_DAYS 90.0-360.0");

        JsonNode back = report("?nerve=" + nerve + "&indication=LOW_BACK_FACET_PAIN", ClinicJwt.proceduralist());
        assertThat(back.path("overall").path("procedures").asInt()).isEqualTo(1);
        assertThat(codes(back.path("byModality"))).containsExactly("NERVE_BLOCK");
    }

    @Test
    void an_empty_scope_is_a_report_of_zeros_without_a_share_or_a_nan() throws Exception {
        String body = mvc.perform(get("/api/reports/outcomes?nerve=" + nerve + "&modality=RADIOFREQUENCY_ABLATION")
                        .with(ClinicJwt.coordinator()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContainIgnoringCase("nan").doesNotContain("Infinity");
        JsonNode report = json.readTree(body);
        JsonNode overall = report.path("overall");
        assertThat(overall.path("procedures").asInt()).isZero();
        assertThat(overall.path("windows")).hasSize(3);
        assertThat(overall.path("windows").get(0).has("responderShare")).isFalse();
        assertThat(overall.path("reliefDuration").path("subjects").asInt()).isZero();
        assertThat(overall.path("reliefDuration").has("medianDays")).isFalse();
        assertThat(overall.path("repeats").path("count").asInt()).isZero();
        assertThat(overall.path("patientAnswered").path("visits").asInt()).isZero();
        assertThat(overall.path("patientAnswered").has("share")).as("none of none is no share").isFalse();
        assertThat(figures(overall)).as("the scope's modality").containsExactly("RELIEF_DURATION_DAYS 90.0-270.0");
        assertThat(report.path("byModality").isEmpty()).isTrue();
        assertThat(report.path("byNerve").isEmpty()).isTrue();
    }

    @Test
    void relief_that_ended_before_an_amended_procedure_day_counts_on_its_day_0_not_as_a_failure() throws Exception {
        // the procedure's day was amended to after the outcomes that showed relief and its end
        Treated moved = treat(plans.patient("Report, Eve", 8), today.minusDays(30), Modality.CRYONEUROLYSIS,
                "KNEE_OSTEOARTHRITIS", 8, null, nerve);
        response(moved, -20, -10);

        JsonNode relief = report("?nerve=" + nerve, ClinicJwt.clinicAdmin()).path("overall").path("reliefDuration");

        assertThat(relief.path("subjects").asInt()).isEqualTo(1);
        assertThat(relief.path("events").asInt()).isEqualTo(1);
        assertThat(relief.path("steps").get(0).path("day").asInt()).isZero();
    }

    @Test
    void the_csv_is_the_same_table_one_row_per_group_and_figure_as_an_attachment() throws Exception {
        theClinic();

        var response = mvc.perform(get("/api/reports/outcomes?nerve=" + nerve + "&from=" + today.minusDays(600))
                        .accept("text/csv").with(ClinicJwt.clinicAdmin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"outcomes-" + today.minusDays(600) + "-" + today + ".csv\""))
                .andReturn().getResponse();
        List<String> lines = Arrays.asList(response.getContentAsString().split("\r\n"));

        assertThat(lines.get(0)).isEqualTo("dimension,code,label,group_procedures,group_patients,figure,window,detail,"
                + "n,count,value,lower,upper,unit,published_low,published_high,published_text");
        // overall, month 3: 3 responders of 4 assessed, Wilson 95 % interval
        var share = Proportions.wilson(3, 4);
        assertThat(lines).contains("ALL,ALL,All procedures in scope,5,4,RESPONDER_SHARE,MONTH_3,,4,3,0.75,"
                + OutcomeReportCsv.number(share.lower()) + "," + OutcomeReportCsv.number(share.upper()) + ",share,,,");
        // the cryoneurolysis group's pain reduction at month 6 beside the source's 4-5 points
        var reduction = org.clinictracker.followups.report.statistics.MeanEstimate.of(8 - 2, 6 - 2);
        assertThat(lines).contains("MODALITY,CRYONEUROLYSIS,Cryoneurolysis,2,2,PAIN_REDUCTION,MONTH_6,,2,,5,"
                + OutcomeReportCsv.number(reduction.lower()) + "," + OutcomeReportCsv.number(reduction.upper())
                + ",points (0-10),4,5,mean VAS reductions of 4–5 points");
        assertThat(lines).anyMatch(line -> line.startsWith("ALL,ALL,All procedures in scope,5,4,RELIEF_DURATION_DAYS,,"
                + "\"median, Kaplan-Meier; 1 censored\",3,2,230,"));
        assertThat(lines).contains("ALL,ALL,All procedures in scope,5,4,LOST_TO_FOLLOW_UP,MONTH_6,,,2,,,,procedures,,,");
        var intake = org.clinictracker.followups.report.statistics.MeanEstimate.of(40, 15, 15, 0);
        assertThat(lines).contains("ALL,ALL,All procedures in scope,5,4,OPIOID_MME_PER_DAY,INTAKE,,4,,17.5,"
                + OutcomeReportCsv.number(intake.lower()) + "," + OutcomeReportCsv.number(intake.upper()) + ",MME/day,,,");
        var answered = Proportions.wilson(2, 10);
        assertThat(lines).contains("ALL,ALL,All procedures in scope,5,4,PATIENT_ANSWERED,,"
                + "visits with an outcome answered by the patient through a link,10,2,0.2,"
                + OutcomeReportCsv.number(answered.lower()) + "," + OutcomeReportCsv.number(answered.upper()) + ",share,,,");
        // groups x figures: 6 figures x 3 windows + intake opioids + relief + adverse events + patients' answers
        // + repeats
        int groups = 1 + 3 + 2 + 2;
        long adverseEventRows = lines.stream().filter(line -> line.contains(",ADVERSE_EVENT,")).count();
        assertThat(lines).hasSize(1 + groups * (18 + 4) + (int) adverseEventRows);
    }

    @Test
    void coordinators_proceduralists_and_the_clinic_admin_read_it_the_front_desk_does_not() throws Exception {
        for (ClinicToken reader : List.of(ClinicJwt.coordinator(), ClinicJwt.proceduralist(), ClinicJwt.clinicAdmin())) {
            mvc.perform(get("/api/reports/outcomes?nerve=" + nerve).with(reader)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/reports/outcomes").with(ClinicJwt.frontDesk()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/reports/outcomes")).andExpect(status().isUnauthorized());
    }

    @Test
    void bad_filters_are_bad_requests_also_when_csv_was_asked_for() throws Exception {
        List<String[]> filters = List.of(new String[] { "modality", "ROBOT" }, new String[] { "indication", "HEADACHE" },
                new String[] { "from", "2026-02-31" }, new String[] { "to", "yesterday" },
                new String[] { "nerve", "genicular" }, new String[] { "nerve", "SUPEROMED\u0130AL" },
                new String[] { "nerve", "SAPHENOUS\u200B" }, new String[] { "nerve", "A\u0000B" },
                new String[] { "nerve", "\uFF33URAL" }, new String[] { "nerve", "A".repeat(61) },
                new String[] { "nerve", "_X" }, new String[] { "nerve", "X__Y" });
        for (String[] filter : filters) {
            for (String accept : List.of("application/json", "text/csv")) {
                mvc.perform(get("/api/reports/outcomes").param(filter[0], filter[1]).accept(accept)
                                .with(ClinicJwt.coordinator()))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
        }
        mvc.perform(get("/api/reports/outcomes").param("from", "2026-03-02").param("to", "2026-03-01")
                        .with(ClinicJwt.coordinator()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/reports/outcomes").param("nerve", "NO_SUCH_NERVE_" + nerve).with(ClinicJwt.coordinator()))
                .andExpect(status().isOk());
        // an empty filter, as a form sends it, is no filter
        mvc.perform(get("/api/reports/outcomes?nerve=&modality=&from=").with(ClinicJwt.coordinator()))
                .andExpect(status().isOk());
    }

    @Test
    void a_nerve_or_a_period_is_found_by_index_not_by_reading_every_procedure() {
        assertThat(plan(new ReportScope(null, null, nerve, null, null))).contains("known_procedure_targets");
        assertThat(plan(new ReportScope(null, null, null, today.minusDays(7), today)))
                .contains("follow_up_plan_performed_on");
    }

    private String plan(ReportScope scope) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String sql = ReportedProcedures.procedures(scope, params);
        return transaction.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list());
        });
    }

    // --- the clinic ---

    private record Treated(UUID planId, UUID procedureId, UUID patientId, LocalDate performedOn) {
    }

    private Treated treat(UUID patientId, LocalDate performedOn, Modality modality, String indication, Integer painBefore,
            UUID previousProcedureId, String... nerves) {
        Instant performedAt = performedOn.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
        List<TreatedTarget> targets = Arrays.stream(nerves).map(n -> new TreatedTarget(n, "LEFT", null)).toList();
        ProcedureFacts facts = new ProcedureFacts(UUID.randomUUID(), patientId, performedAt, modality, indication,
                targets, painBefore, previousProcedureId == null ? 1 : 2, previousProcedureId);
        UUID planId = plans.start(facts);
        // version 1 is the migration's: month 3/6/12 visits for cryoneurolysis, 3/6 for RFA, none for blocks
        jdbc.sql("UPDATE follow_up_plan SET protocol_version = 1 WHERE id = ?").param(planId).update();
        return new Treated(planId, facts.procedureId(), patientId, performedOn);
    }

    /** An outcome assessed {@code day} days after the procedure, on a visit of its own, recorded by the clinic. */
    private void outcome(Treated plan, int day, Integer pain, Boolean responder, Double opioidMmePerDay) {
        outcome(plan, day, day, pain, responder, opioidMmePerDay, "STAFF");
    }

    /** An outcome assessed {@code day} days after the procedure on the protocol's visit of day {@code visitDay}. */
    private void outcome(Treated plan, int visitDay, int day, Integer pain, Boolean responder, Double opioidMmePerDay,
            String reportedBy) {
        UUID visitId = UUID.randomUUID();
        Date on = Date.valueOf(plan.performedOn.plusDays(day));
        jdbc.sql("""
                INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days,
                                             due_on, window_start, window_end, last_day, state)
                SELECT ?, id, patient_id, procedure_id, modality, ?, 'PROTOCOL', ?, ?, ?, ?, ?, 'COMPLETED'
                FROM follow_up_plan WHERE id = ?""")
                .param(visitId).param("REPORT_DAY_" + day).param(visitDay).param(on).param(on).param(on).param(on)
                .param(plan.planId).update();
        jdbc.sql("""
                INSERT INTO follow_up_outcome (visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score,
                                               opioid_mme_per_day, documented_late, responder, recorded_by, recorded_at,
                                               reported_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, false, ?, 'coordinator1', ?, ?)""")
                .param(visitId).param(plan.planId).param(plan.patientId).param(plan.procedureId).param(on).param(pain)
                .param(opioidMmePerDay).param(responder).param(Timestamp.from(clock.instant())).param(reportedBy).update();
    }

    /** The plan's outcomes were answered by the patient through a link. */
    private void answeredByThePatient(Treated plan) {
        jdbc.sql("UPDATE follow_up_outcome SET reported_by = 'PATIENT', recorded_by = 'patient' WHERE plan_id = ?")
                .param(plan.planId).update();
    }

    private void intakeOpioids(UUID patientId, double mmePerDay) {
        jdbc.sql("UPDATE known_patient SET opioid_mme_per_day = ? WHERE id = ?").param(mmePerDay).param(patientId).update();
    }

    /** The plan's response as OutcomeRules left it: first responder day, day relief ended (null: not). */
    private void response(Treated plan, Integer responderDay, Integer reliefEndedDay) {
        jdbc.sql("UPDATE follow_up_plan SET responder_since = ?, relief_ended_on = ? WHERE id = ?")
                .param(responderDay == null ? null : Date.valueOf(plan.performedOn.plusDays(responderDay)))
                .param(reliefEndedDay == null ? null : Date.valueOf(plan.performedOn.plusDays(reliefEndedDay)))
                .param(plan.planId).update();
    }

    private void adverseEvent(Treated plan, String type, boolean serious) {
        jdbc.sql("""
                INSERT INTO known_adverse_event (id, procedure_id, patient_id, type, severity, serious, onset_on, outcome,
                                                 version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'RESOLVED', 0)""")
                .param(UUID.randomUUID()).param(plan.procedureId).param(plan.patientId).param(type)
                .param(serious ? "SEVERE" : "MILD").param(serious).param(Date.valueOf(plan.performedOn.plusDays(1)))
                .update();
    }

    // --- reading the report ---

    private JsonNode report(String query, ClinicToken token) throws Exception {
        String body = mvc.perform(get("/api/reports/outcomes" + query).with(token))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static List<String> codes(JsonNode groups) {
        return groups.valueStream().map(group -> group.path("code").asString()).toList();
    }

    /** "FIGURE low-high" of a group's published figures (no low: "-high"). */
    private static List<String> figures(JsonNode group) {
        return group.path("published").valueStream().map(figure -> figure.path("figure").asString() + " "
                + (figure.has("low") ? figure.path("low").asDouble() : "") + "-" + figure.path("high").asDouble()).toList();
    }

    private static void assertShare(JsonNode share, int events, int trials) {
        var expected = Proportions.wilson(events, trials);
        assertThat(share.path("value").asDouble()).isCloseTo((double) events / trials, within(1e-9));
        assertThat(share.path("lower").asDouble()).isCloseTo(expected.lower(), within(1e-9));
        assertThat(share.path("upper").asDouble()).isCloseTo(expected.upper(), within(1e-9));
    }

    private static void assertMean(JsonNode mean, int n, double value) {
        assertThat(mean.path("n").asInt()).isEqualTo(n);
        assertThat(mean.path("mean").asDouble()).isCloseTo(value, within(1e-9));
    }
}
