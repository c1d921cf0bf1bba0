package org.clinictracker.web.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiFile;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.catalogue.NerveCatalogue;
import org.clinictracker.web.layout.UnreadableInput;
import org.clinictracker.web.recording.NerveChoices;
import org.clinictracker.web.terms.ClinicalTerms;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

import tools.jackson.databind.json.JsonMapper;

/**
 * "Outcome reports": the clinic's own results beside the source's published figures, for the procedures a filter
 * picks (a GET form, so a report is a link to share). One API call ({@code GET /api/reports/outcomes}); the page
 * shows its table, the relief-duration curves per modality and the pain over time, and offers the same table as
 * CSV. Dates the web app cannot read are its own field errors and no call is made.
 */
@Controller
class OutcomeReportPage {

    static final String API = "/api/reports/outcomes";
    private static final String PAGE = "report/outcomes";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final ClinicApi api;
    private final NerveCatalogue catalogue;
    private final ClinicalTerms terms;
    private final JsonMapper json;

    OutcomeReportPage(ClinicApi api, NerveCatalogue catalogue, ClinicalTerms terms, JsonMapper json) {
        this.api = api;
        this.catalogue = catalogue;
        this.terms = terms;
        this.json = json;
    }

    @InitBinder("filters")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields("modality", "indication", "nerve", "from", "to");
    }

    @GetMapping("/reports")
    String report(@ModelAttribute("filters") ReportFilters filters, BindingResult binding, Model model,
            HttpServletResponse response) {
        List<Map<String, Object>> nerves = nerves();
        model.addAttribute("nerves", NerveChoices.of(nerves, terms));
        model.addAttribute("nerveCodes", names(nerves).keySet());
        model.addAttribute("csvLink", "/reports/outcomes.csv" + filters.queryString());
        if (binding.hasErrors()) {
            ApiProblem unreadable = UnreadableInput.of(binding);
            model.addAttribute("problem", unreadable);
            response.setStatus(unreadable.status());
            return PAGE;
        }
        try {
            Map<String, Object> answer = api.get(API, filters.apiQuery());
            OutcomeReport report = OutcomeReport.of(answer, names(nerves), terms);
            model.addAttribute("report", report);
            if (!report.isEmpty()) {
                ReliefDurationChart relief = ReliefDurationChart.of(answer);
                PainOverTimeChart pain = PainOverTimeChart.of(answer);
                model.addAttribute("reliefChart", relief);
                model.addAttribute("reliefChartJson", json.writeValueAsString(relief.config()));
                model.addAttribute("painChart", pain);
                model.addAttribute("painChartJson", json.writeValueAsString(pain.config()));
            }
        } catch (ApiProblem refused) {
            if (refused.isTemporary()) {
                model.addAttribute("unavailable", true);
                response.setStatus(refused.status());
            } else if (refused.status() == 400 || refused.status() == 422) {
                // the API judged a filter (an unknown modality, from after to): said beside the filter
                model.addAttribute("problem", refused);
                response.setStatus(refused.status());
            } else {
                throw refused;
            }
        }
        return PAGE;
    }

    /** The same table as CSV, as the API renders it, with its file name. */
    @GetMapping("/reports/outcomes.csv")
    void csv(@ModelAttribute("filters") ReportFilters filters, BindingResult binding, HttpServletResponse response)
            throws IOException {
        if (binding.hasErrors()) {
            throw UnreadableInput.of(binding);
        }
        ApiFile file = api.download(API, filters.apiQuery(), CSV);
        response.setContentType(file.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition() != null
                ? file.contentDisposition() : "attachment; filename=\"outcomes.csv\"");
        response.setContentLength(file.body().length);
        response.getOutputStream().write(file.body());
    }

    /** The nerve picker's catalogue; without it the report still works (the filter offers "any nerve"). */
    private List<Map<String, Object>> nerves() {
        try {
            return catalogue.nerves();
        } catch (ApiProblem unavailable) {
            return List.of();
        }
    }

    private static Map<String, String> names(List<Map<String, Object>> nerves) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        nerves.forEach(nerve -> names.put(String.valueOf(nerve.get("code")), String.valueOf(nerve.get("name"))));
        return names;
    }
}
