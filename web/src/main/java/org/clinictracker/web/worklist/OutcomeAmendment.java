package org.clinictracker.web.worklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.clinictracker.web.layout.UnreadableInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Correct" on a patient's answers: the outcome form filled with what is recorded, saved as an amendment with
 * If-Match on the version read and the coordinator's reason (the API keeps the earlier version). If the outcome
 * changed meanwhile (412), the form comes back with the coordinator's input kept, what is recorded now shown above
 * it, and the new version taken, so saving again deliberately replaces it (as the chart's correction page does).
 */
@Controller
@RequestMapping("/followups/{visitId}/outcome/amend")
class OutcomeAmendment {

    private static final String PAGE = "worklist/amend";
    private static final String OUTCOME = "/api/followups/{id}/outcome";

    private final ClinicApi api;

    OutcomeAmendment(ClinicApi api) {
        this.api = api;
    }

    /** The outcome form's own fields (one added adverse event) and the correction's: a hostile index grows nothing. */
    @InitBinder("amendmentForm")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields("painScore", "reliefPercent", "functionScore.instrument", "functionScore.value",
                "painAverage", "pegEnjoyment", "pegActivity", "opioidMmePerDay", "satisfaction", "sensationReturned",
                "adverseEvents[0].*", "notes", "assessedOn", "patient", "label", "amendmentReason", "etag");
    }

    @GetMapping
    String form(@PathVariable UUID visitId, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String label, Model model, HttpServletRequest request) {
        ApiAnswer outcome = api.getForUpdate(OUTCOME, visitId);
        model.addAttribute("visitId", visitId);
        model.addAttribute("amendmentForm", OutcomeAmendmentForm.of(outcome.body(), versionOf(outcome), patient, label));
        return Htmx.isHtmx(request) ? PAGE + " :: form-row" : PAGE;
    }

    @PostMapping
    String amend(@PathVariable UUID visitId, @ModelAttribute("amendmentForm") OutcomeAmendmentForm form,
            BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("visitId", visitId);
        if (binding.hasErrors() || !form.hasReason()) {
            model.addAttribute("problem", refusal(binding, form));
            return refused(request, response, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            Map<String, Object> amended = api.put(OUTCOME, form.getEtag(), form.body(), visitId).body();
            if (!Htmx.isHtmx(request)) {
                return "redirect:/worklist?tab=answered";
            }
            model.addAttribute("outcome", amended == null ? Map.of() : amended);
            return PAGE + " :: amended";
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.PRECONDITION_FAILED.value()) {
                ApiAnswer now = api.getForUpdate(OUTCOME, visitId);
                model.addAttribute("stale", now.body());
                form.setEtag(versionOf(now)); // saving again now means: over the version just shown
                return refused(request, response, HttpStatus.PRECONDITION_FAILED);
            }
            model.addAttribute("problem", problem);
            HttpStatus status = HttpStatus.resolve(problem.status());
            // htmx swaps no 5xx answer in: under the row the form and its problem come as 200, on a page as 502
            if (status == null || status.is5xxServerError()) {
                status = Htmx.isHtmx(request) ? HttpStatus.OK : HttpStatus.BAD_GATEWAY;
            }
            return refused(request, response, status);
        }
    }

    /** The form again, the coordinator's input kept: its row for htmx, the whole page otherwise. */
    private static String refused(HttpServletRequest request, HttpServletResponse response,
            HttpStatus status) {
        return Htmx.refused(request, response, status, PAGE, "form-row");
    }

    /**
     * The If-Match of the outcome read: its ETag, or the version it carries ({@code "3"}, the platform's tags); null
     * when it has neither, and the API then asks for one (428).
     */
    static String versionOf(ApiAnswer outcome) {
        if (outcome.etag() != null) {
            return outcome.etag();
        }
        Object version = outcome.body() == null ? null : outcome.body().get("version");
        return version == null ? null : "\"" + version + "\"";
    }

    /**
     * What the web app refuses before any call, shaped like the API's problem: the fields it could not read and, first,
     * the missing reason (a correction is never saved without one).
     */
    @SuppressWarnings("unchecked")
    private static ApiProblem refusal(BindingResult binding, OutcomeAmendmentForm form) {
        ApiProblem unreadable = binding.hasErrors() ? UnreadableInput.of(binding) : null;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("code", "unreadable-input");
        problem.put("title", "Please correct the marked fields");
        problem.put("detail", "Nothing was saved yet.");
        List<Map<String, Object>> errors = new ArrayList<>();
        if (!form.hasReason()) {
            errors.add(Map.of("field", "amendmentReason",
                    "message", "say why the answers are corrected (it is kept with the earlier version)"));
        }
        if (unreadable != null) {
            problem.put("detail", unreadable.detail());
            errors.addAll((List<Map<String, Object>>) unreadable.body().getOrDefault("errors", List.of()));
        }
        problem.put("errors", errors);
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT.value(), problem);
    }
}
