package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.HttpAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 11's outcome report on the running clinic, through the gateway with real tokens: three knee patients'
 * cryoneurolysis recorded through the API years ago ({@link ReportedPatients}: a responder, a non-responder and one
 * treated again), then {@code GET /api/reports/outcomes} for the days of their procedures, which no other test uses.
 * The three roles that may read it get the figures the hand count gives; the front desk is refused, a caller without
 * a token too; {@code Accept: text/csv} gives the same report as CSV.
 */
class OutcomeReportSystemTests {

    private static final RequestLog REQUESTS = new RequestLog();
    private static ClinicSystem clinic;
    private static ReportedPatients patients;

    @BeforeAll
    static void recordThreePatientsOfYearsAgo() {
        clinic = ClinicSystem.start();
        patients = new ReportedPatients(clinic.baseUrl(ClinicService.GATEWAY), REQUESTS);
        patients.record();
    }

    @Test
    void the_clinical_roles_read_the_figures_of_the_patients_in_scope() {
        for (String user : List.of("admin1", "coordinator1", "proceduralist1")) {
            HttpAnswer answer = client(user).get("report-" + user, reportPath());
            assertThat(answer.status()).as("%s: %s", user, answer).isEqualTo(200);
            JsonNode report = answer.json();

            JsonNode overall = report.get("overall");
            assertThat(overall.get("procedures").asInt()).as("%s: procedures, the repeat included", user).isEqualTo(4);
            assertThat(overall.get("patients").asInt()).as("%s: patients", user).isEqualTo(3);

            // month 3: pain 3, 6 and 2 of 8 -> two responders of three; reductions 5, 2 and 6
            JsonNode month3 = window(overall, 3);
            assertThat(month3.get("assessed").asInt()).isEqualTo(3);
            assertThat(month3.get("responders").asInt()).isEqualTo(2);
            assertThat(month3.get("responderShare").get("value").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
            assertThat(month3.get("responderShare").get("lower").asDouble()).isLessThan(2.0 / 3);
            assertThat(month3.get("responderShare").get("upper").asDouble()).isGreaterThan(2.0 / 3);
            assertThat(month3.get("painReduction").get("n").asInt()).isEqualTo(3);
            assertThat(month3.get("painReduction").get("mean").asDouble()).isCloseTo(13.0 / 3, within(1e-9));
            // month 6: pain 3, 7 and 7 -> one responder of three
            JsonNode month6 = window(overall, 6);
            assertThat(month6.get("assessed").asInt()).isEqualTo(3);
            assertThat(month6.get("responders").asInt()).isEqualTo(1);
            assertThat(month6.get("painScore").get("mean").asDouble()).isCloseTo(17.0 / 3, within(1e-9));

            assertThat(overall.get("repeats").get("count").asInt()).as("%s: repeats", user).isEqualTo(1);
            assertThat(overall.get("repeats").get("intervalDays").get("mean").asDouble())
                    .isEqualTo((double) ReportedPatients.REPEAT_AFTER_DAYS);

            assertThat(groups(report, "byModality")).as("%s: by modality", user).containsExactly("CRYONEUROLYSIS=4");
            assertThat(groups(report, "byIndication")).as("%s: by indication", user)
                    .containsExactly("KNEE_OSTEOARTHRITIS=4");
            assertThat(groups(report, "byNerve")).as("%s: by nerve, each procedure under each of its nerves", user)
                    .containsExactlyInAnyOrder("SUPEROMEDIAL_GENICULAR=4", "SUPEROLATERAL_GENICULAR=4",
                            "INFEROMEDIAL_GENICULAR=4");
        }
    }

    @Test
    void a_narrower_scope_leaves_out_what_it_does_not_cover() {
        // the first two patients' procedures only: no repeat, two procedures, one responder at month 3
        HttpAnswer answer = client("coordinator1").get("report-narrow", "/api/reports/outcomes?modality=CRYONEUROLYSIS"
                + "&nerve=SUPEROMEDIAL_GENICULAR&from=" + patients.firstDay + "&to=" + patients.firstDay.plusDays(1));
        assertThat(answer.status()).as("narrow report: %s", answer).isEqualTo(200);
        JsonNode overall = answer.json().get("overall");
        assertThat(overall.get("procedures").asInt()).isEqualTo(2);
        assertThat(window(overall, 3).get("responders").asInt()).isEqualTo(1);
        assertThat(overall.get("repeats").get("count").asInt()).isZero();
    }

    @Test
    void the_front_desk_and_a_caller_without_a_token_are_refused() {
        HttpAnswer frontDesk = client("frontdesk1").get("report-frontdesk", reportPath());
        assertThat(frontDesk.refusedAsForbidden()).as("front desk: %s", frontDesk).isTrue();
        HttpAnswer nobody = ClinicClient.withoutToken(clinic.baseUrl(ClinicService.GATEWAY), REQUESTS)
                .get("report-no-token", reportPath());
        assertThat(nobody.refusedAsUnauthenticated()).as("no token: %s", nobody).isTrue();
    }

    @Test
    void text_csv_gives_the_same_table_as_csv() {
        HttpAnswer csv = client("admin1").get("report-csv", reportPath(), "text/csv");
        assertThat(csv.status()).as("CSV: %s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("a header and the groups' rows").hasSizeGreaterThan(1);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("CRYONEUROLYSIS"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SUPEROMEDIAL_GENICULAR"));
    }

    private static String reportPath() {
        return "/api/reports/outcomes?from=" + patients.firstDay + "&to=" + patients.lastDay();
    }

    private static ClinicClient client(String user) {
        return ClinicClient.signedIn(user, clinic.baseUrl(ClinicService.GATEWAY), REQUESTS);
    }

    private static JsonNode window(JsonNode group, int month) {
        for (JsonNode window : group.get("windows")) {
            if (window.get("month").asInt() == month) {
                return window;
            }
        }
        throw new AssertionError("no month " + month + " in " + group.get("windows"));
    }

    /** "CODE=procedures" for each group of the breakdown. */
    private static List<String> groups(JsonNode report, String breakdown) {
        List<String> groups = new ArrayList<>();
        report.get(breakdown).forEach(group -> groups.add(group.get("code").asString() + "=" + group.get("procedures").asInt()));
        return groups;
    }
}
