package org.clinictracker.followups.report;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.Modality;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Reports", description = "The clinic's outcomes beside the published ones, by modality, indication and nerve")
@RestController
class OutcomeReportController {

    /**
     * A nerve catalogue code: upper-case ASCII words joined by underscores ({@code SUPEROMEDIAL_GENICULAR}); empty,
     * as a form sends an unchosen filter, is no filter (like an empty modality or day).
     */
    static final String NERVE_CODE = "^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)?$";

    private final OutcomeReports reports;

    OutcomeReportController(OutcomeReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The outcome report of the procedures performed in [from, to], as JSON or (Accept: text/csv) CSV",
            operationId = "readOutcomeReport", description = """
            Every filter is optional and they combine with AND; from and to are inclusive clinic days. Groups: all \
            procedures in scope, then one per modality, indication and target nerve present (a procedure with two \
            nerves counts under each). Responders at months 3, 6 and 12 (days 60-120, 150-210, 330-390; the latest \
            outcome in the window counts) with Wilson intervals, the lost to follow-up, mean pain, pain reduction and \
            opioid use with t intervals, the Kaplan-Meier duration of relief, adverse-event rates and repeat \
            treatments, each beside the source's published figure where there is one. text/csv: one row per group \
            and figure, as an attachment.""")
    @GetMapping(value = "/api/reports/outcomes", produces = { MediaType.APPLICATION_JSON_VALUE, OutcomeReportCsv.TEXT_CSV_VALUE })
    OutcomeReport outcomes(@RequestParam(required = false) Modality modality,
            @RequestParam(required = false) Indication indication,
            @Parameter(description = "a nerve catalogue code, e.g. SUPEROMEDIAL_GENICULAR; a procedure counts if any target is on it")
            @RequestParam(required = false) @Size(max = 60) @Pattern(regexp = NERVE_CODE) String nerve,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.report(new ReportScope(modality, indication, nerve == null || nerve.isEmpty() ? null : nerve, from, to));
    }
}
