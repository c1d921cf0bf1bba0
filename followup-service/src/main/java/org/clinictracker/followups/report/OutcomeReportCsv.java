package org.clinictracker.followups.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.followups.report.statistics.Estimate;
import org.clinictracker.followups.report.statistics.MeanEstimate;
import org.clinictracker.followups.report.statistics.SurvivalCurve;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * The outcome report as CSV (Accept: text/csv), for a spreadsheet: one row per group and figure, "long" so that a
 * filter or pivot table on {@code figure} and {@code window} gives any table wanted. Each row carries the group's
 * size, the figure's own n (the denominator or sample), its count where one is counted (responders, lost, events),
 * the value with its 95 % interval, and the source's published figure beside it. Numbers are written as numbers;
 * text cells that a spreadsheet would read as a formula (= + - @ first) are quoted with a leading apostrophe.
 */
@Component
class OutcomeReportCsv extends AbstractHttpMessageConverter<OutcomeReport> {

    static final String TEXT_CSV_VALUE = "text/csv";
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    static final String[] HEADER = { "dimension", "code", "label", "group_procedures", "group_patients", "figure",
            "window", "detail", "n", "count", "value", "lower", "upper", "unit", "published_low", "published_high",
            "published_text" };

    private final ClinicCalendar calendar;

    OutcomeReportCsv(ClinicCalendar calendar) {
        super(StandardCharsets.UTF_8, TEXT_CSV);
        this.calendar = calendar;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return OutcomeReport.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false; // a download only
    }

    @Override
    protected OutcomeReport readInternal(Class<? extends OutcomeReport> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("the outcome report is not accepted as input", input);
    }

    @Override
    protected void writeInternal(OutcomeReport report, HttpOutputMessage output) throws IOException {
        // headers go out with the first byte of the body: set the attachment name before writing
        output.getHeaders().setContentDisposition(ContentDisposition.attachment().filename(filename(report)).build());
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        write(report, writer);
        writer.flush();
    }

    /** {@code outcomes-<from>-<to>.csv}: "start" for no from, the report's day for no to. */
    String filename(OutcomeReport report) {
        LocalDate to = Optional.ofNullable(report.scope().to()).orElseGet(() -> calendar.dayOf(report.generatedAt()));
        return "outcomes-" + (report.scope().from() == null ? "start" : report.scope().from()) + "-" + to + ".csv";
    }

    static void write(OutcomeReport report, Appendable out) throws IOException {
        // not closed: that would close the response's stream, which is the servlet container's to close
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        List<OutcomeGroup> groups = new ArrayList<>();
        groups.add(report.overall());
        groups.addAll(report.byModality());
        groups.addAll(report.byIndication());
        groups.addAll(report.byNerve());
        for (OutcomeGroup group : groups) {
            for (List<Object> row : rows(group)) {
                csv.printRecord(row);
            }
        }
        csv.flush();
    }

    /** The figures of one group, each a row. */
    static List<List<Object>> rows(OutcomeGroup group) {
        Rows rows = new Rows(group);
        for (WindowOutcome window : group.windows()) {
            String name = window.window();
            rows.share(PublishedOutcomes.RESPONDER_SHARE, name, null, window.assessed(), window.responders(),
                    window.responderShare());
            rows.add("LOST_TO_FOLLOW_UP", name, null, null, window.lostToFollowUp(), null, null, null, "procedures");
            rows.add("ASSESSED_OUTSIDE_WINDOW", name, "the window's protocol visit was held outside it", null,
                    window.assessedOutsideWindow(), null, null, null, "procedures");
            rows.mean("PAIN_SCORE", name, window.painScore(), "points (0-10)");
            rows.mean(PublishedOutcomes.PAIN_REDUCTION, name, window.painReduction(), "points (0-10)");
            rows.mean("OPIOID_MME_PER_DAY", name, window.opioidMmePerDay(), "MME/day");
        }
        rows.mean("OPIOID_MME_PER_DAY", "INTAKE", group.opioidBefore(), "MME/day");
        SurvivalCurve relief = group.reliefDuration();
        if (relief != null) {
            Estimate median = relief.medianDays();
            rows.add(PublishedOutcomes.RELIEF_DURATION_DAYS, null, "median, Kaplan-Meier; " + relief.censored() + " censored",
                    relief.subjects(), relief.events(), median == null ? null : median.value(),
                    median == null ? null : median.lower(), median == null ? null : median.upper(), "days");
        }
        for (AdverseEventRate rate : group.adverseEvents()) {
            rows.share("ADVERSE_EVENT", null, rate.type() + (rate.serious() ? ", serious" : ", not serious") + "; "
                    + rate.events() + " events", group.procedures(), rate.procedures(), rate.rate());
        }
        PatientAnswered answered = group.patientAnswered();
        rows.share("PATIENT_ANSWERED", null, "visits with an outcome answered by the patient through a link",
                answered.visits(), answered.answered(), answered.share());
        MeanEstimate interval = group.repeats().intervalDays();
        rows.add("REPEAT_INTERVAL_DAYS", null, "mean days since the treatment repeated", interval.n(),
                group.repeats().count(), interval.mean(), interval.lower(), interval.upper(), "days");
        return rows.rows;
    }

    /** Rows of one group, each with the published figure of the same name beside it. */
    private static final class Rows {

        private final OutcomeGroup group;
        private final List<List<Object>> rows = new ArrayList<>();

        Rows(OutcomeGroup group) {
            this.group = group;
        }

        void share(String figure, String window, String detail, int n, int count, Estimate share) {
            add(figure, window, detail, n, count, share == null ? null : share.value(),
                    share == null ? null : share.lower(), share == null ? null : share.upper(), "share");
        }

        void mean(String figure, String window, MeanEstimate mean, String unit) {
            add(figure, window, null, mean.n(), null, mean.mean(), mean.lower(), mean.upper(), unit);
        }

        void add(String figure, String window, String detail, Integer n, Integer count, Double value, Double lower,
                Double upper, String unit) {
            PublishedFigure published = group.published().stream().filter(p -> p.figure().equals(figure)).findFirst()
                    .orElse(null);
            rows.add(Arrays.asList(text(group.dimension()), text(group.code()), text(group.label()), group.procedures(),
                    group.patients(), figure, window, text(detail), n, count, number(value), number(lower),
                    number(upper), unit, published == null ? null : number(published.low()),
                    published == null ? null : number(published.high()), published == null ? null : text(published.text())));
        }
    }

    /** Four decimals, no exponent, no trailing zeros: 0.1119, 4.5, 180. */
    static String number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A text cell a spreadsheet would take for a formula (= + - @, or a tab or carriage return first) is quoted. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
