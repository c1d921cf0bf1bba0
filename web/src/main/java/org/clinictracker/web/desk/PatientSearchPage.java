package org.clinictracker.web.desk;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Find a patient": everyone's way to a chart. The page is a plain GET form (it works without script); with htmx
 * each keystroke (after a 250 ms pause) fetches only the results, and the address bar follows the query, so the
 * browser's Back button returns from a chart to the same results.
 */
@Controller
class PatientSearchPage {

    static final int PAGE_SIZE = 20;

    private final ClinicApi api;

    PatientSearchPage(ClinicApi api) {
        this.api = api;
    }

    @GetMapping("/patients")
    String page(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", search(q));
        return "desk/search";
    }

    @GetMapping("/patients/search")
    String results(@RequestParam(required = false) String q, Model model, HttpServletResponse response) {
        response.setHeader("HX-Replace-Url", UriComponentsBuilder.fromPath("/patients")
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(typed -> !typed.isBlank()))
                .encode().build().toUriString());
        model.addAttribute("q", q);
        model.addAttribute("results", search(q));
        return "desk/search :: results";
    }

    private SearchResults search(String typed) {
        PatientQuery query = PatientQuery.parse(typed);
        if (query.hint() != null) {
            return SearchResults.saying(typed, query.hint());
        }
        if (query.isEmpty()) {
            return SearchResults.nothingAsked();
        }
        try {
            Map<String, Object> page = api.get("/api/patients", query.apiQuery(PAGE_SIZE));
            return SearchResults.found(typed, page);
        } catch (ApiProblem problem) {
            return SearchResults.saying(typed, explain(problem));
        }
    }

    /** The search's own refusals (a wrong check digit, too many words) and a service away, said in the results. */
    private static String explain(ApiProblem problem) {
        if (problem.isTemporary()) {
            return "The patient list is not available right now. Try again in a moment.";
        }
        if (problem.hasFieldError("mrn")) {
            return "That is not a valid MRN: an MRN looks like CT-000042-2, and its last digit is a check digit. "
                    + "Check the number.";
        }
        if (problem.hasFieldError("q")) {
            return "The name search " + problem.fieldError("q") + ".";
        }
        return problem.detail() != null ? problem.detail() : "The search was refused (" + problem.status() + ").";
    }

    /** What the results region shows: the patients found, or a sentence saying why there are none. */
    public record SearchResults(String query, List<Map<String, Object>> patients, long total, String message) {

        static SearchResults nothingAsked() {
            return new SearchResults(null, List.of(), 0, null);
        }

        static SearchResults saying(String query, String message) {
            return new SearchResults(query, List.of(), 0, message);
        }

        @SuppressWarnings("unchecked")
        static SearchResults found(String query, Map<String, Object> page) {
            List<Map<String, Object>> patients = page == null || !(page.get("content") instanceof List<?> content)
                    ? List.of() : (List<Map<String, Object>>) content;
            long total = patients.size();
            if (page != null && page.get("page") instanceof Map<?, ?> paging
                    && paging.get("totalElements") instanceof Number totalElements) {
                total = totalElements.longValue();
            }
            return new SearchResults(query, patients, total, null);
        }

        public boolean asked() {
            return query != null;
        }

        public boolean noneFound() {
            return asked() && message == null && patients.isEmpty();
        }

        /** More matched than are shown: the clerk should narrow the search rather than page through charts. */
        public boolean truncated() {
            return total > patients.size();
        }
    }
}
