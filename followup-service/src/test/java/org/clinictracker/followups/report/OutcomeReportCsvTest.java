package org.clinictracker.followups.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.clinictracker.followups.report.statistics.Estimate;
import org.clinictracker.followups.report.statistics.KaplanMeier;
import org.clinictracker.followups.report.statistics.MeanEstimate;
import org.junit.jupiter.api.Test;

/** The CSV's cells: numbers as numbers, text a spreadsheet cannot mistake for a formula, quoting by the library. */
class OutcomeReportCsvTest {

    @Test
    void a_text_cell_that_would_start_a_formula_is_quoted_with_an_apostrophe() {
        assertThat(OutcomeReportCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(OutcomeReportCsv.text("+1")).isEqualTo("'+1");
        assertThat(OutcomeReportCsv.text("-2+3")).isEqualTo("'-2+3");
        assertThat(OutcomeReportCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(OutcomeReportCsv.text("\tx")).isEqualTo("'\tx");
        assertThat(OutcomeReportCsv.text("Knee osteoarthritis")).isEqualTo("Knee osteoarthritis");
        assertThat(OutcomeReportCsv.text("")).isEmpty();
        assertThat(OutcomeReportCsv.text(null)).isNull();
    }

    @Test
    void numbers_have_at_most_four_decimals_and_stay_negative_numbers() {
        assertThat(OutcomeReportCsv.number(0.11194)).isEqualTo("0.1119");
        assertThat(OutcomeReportCsv.number(180.0)).isEqualTo("180");
        assertThat(OutcomeReportCsv.number(-1.25)).isEqualTo("-1.25");
        assertThat(OutcomeReportCsv.number(1e-9)).isEqualTo("0");
        assertThat(OutcomeReportCsv.number(null)).isNull();
        assertThat(OutcomeReportCsv.number(Double.NaN)).isNull();
    }

    @Test
    void a_hostile_code_is_quoted_and_neutralised_in_the_written_table() throws Exception {
        MeanEstimate none = MeanEstimate.of();
        WindowOutcome window = new WindowOutcome("MONTH_3", 3, 0, 0, null, 0, 0, none, none, none);
        OutcomeGroup group = new OutcomeGroup("INDICATION", "=CMD|' /C calc'!A0", "a \"label\", with a comma", 1, 1,
                List.of(window), KaplanMeier.estimate(List.of()), none,
                List.of(new AdverseEventRate("BRUISING", false, 2, 1, new Estimate(1.0, 0.2065, 1.0))),
                new RepeatTreatments(0, none), new PatientAnswered(0, 0, null), List.of());
        OutcomeReport report = new OutcomeReport(new ReportScope(null, null, null, null, null), Instant.EPOCH, group,
                List.of(), List.of(), List.of());

        StringBuilder out = new StringBuilder();
        OutcomeReportCsv.write(report, out);

        List<String> lines = List.of(out.toString().split("\r\n"));
        assertThat(lines.get(1)).startsWith("INDICATION,'=CMD|' /C calc'!A0,\"a \"\"label\"\", with a comma\",1,1,"
                + "RESPONDER_SHARE,MONTH_3,,0,0,,,,share,,,");
        assertThat(lines).contains("INDICATION,'=CMD|' /C calc'!A0,\"a \"\"label\"\", with a comma\",1,1,ADVERSE_EVENT,,"
                + "\"BRUISING, not serious; 2 events\",1,1,1,0.2065,1,share,,,");
        // a group without outcomes: none answered of none, no share and no interval
        assertThat(lines).contains("INDICATION,'=CMD|' /C calc'!A0,\"a \"\"label\"\", with a comma\",1,1,PATIENT_ANSWERED,,"
                + "visits with an outcome answered by the patient through a link,0,0,,,,share,,,");
        // 6 figures in the one window, intake opioids, relief, one adverse event, patients' answers, repeats
        assertThat(lines).hasSize(1 + 6 + 1 + 1 + 1 + 1 + 1);
    }
}
