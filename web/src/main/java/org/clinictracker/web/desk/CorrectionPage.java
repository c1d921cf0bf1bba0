package org.clinictracker.web.desk;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.layout.UnreadableInput;
import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.clinictracker.web.terms.ClinicalTerms;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Correct the chart": the chart's details in the registration's form, saved with If-Match on the version read. If
 * someone saved the chart meanwhile (412), the page says so, shows what is stored now beside what the clerk typed
 * (their input stays in the form) and takes the new version's ETag, so saving again deliberately replaces it. A
 * corrected name or birth date that matches another chart meets the registration's duplicate decision.
 */
@Controller
@RequestMapping("/patients/{id}/edit")
class CorrectionPage {

    private static final String PAGE = "desk/edit";

    private final ClinicApi api;
    private final PossibleDuplicates duplicates;
    private final ClinicalTerms terms;

    CorrectionPage(ClinicApi api, PossibleDuplicates duplicates, ClinicalTerms terms) {
        this.api = api;
        this.duplicates = duplicates;
        this.terms = terms;
    }

    @GetMapping
    String form(@PathVariable UUID id, Model model) {
        ApiAnswer chart = api.getForUpdate("/api/patients/{id}", id);
        model.addAttribute("patientId", id);
        model.addAttribute("patient", chart.body());
        model.addAttribute("form", CorrectionForm.of(chart.body(), chart.etag()));
        return PAGE;
    }

    @PostMapping
    String correct(@PathVariable UUID id, @ModelAttribute("form") CorrectionForm form, BindingResult binding,
            @RequestParam(name = "changeDetails", required = false) String changeDetails,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("patientId", id);
        if (changeDetails != null) {
            // back from the duplicate decision to the whole form, as typed; nothing is sent
            return refused(id, model, request, response, HttpStatus.OK, null);
        }
        form.check(binding);
        if (binding.hasErrors()) {
            model.addAttribute("problem", UnreadableInput.of(binding));
            return refused(id, model, request, response, HttpStatus.UNPROCESSABLE_CONTENT, null);
        }
        try {
            api.put("/api/patients/{id}", form.getEtag(), form.toApiBody(), id);
            return Htmx.redirect(request, response, "/patients/" + id);
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.PRECONDITION_FAILED.value()) {
                ApiAnswer now = api.getForUpdate("/api/patients/{id}", id);
                CorrectionForm stored = CorrectionForm.of(now.body(), now.etag());
                model.addAttribute("stale", new StaleEdit(now.body(), form.differencesFrom(stored, terms)));
                form.setEtag(now.etag()); // saving again now means: over the version just shown
                return refused(id, model, request, response, HttpStatus.PRECONDITION_FAILED, now.body());
            }
            if (PossibleDuplicates.isPossibleDuplicate(problem)) {
                // the corrected name or birth date is another chart's: the same decision as at registration
                model.addAttribute("duplicates", duplicates.candidates(problem));
                return refused(id, model, request, response, HttpStatus.CONFLICT, null);
            }
            model.addAttribute("problem", problem);
            return refused(id, model, request, response, RegistrationPage.refusal(problem), null);
        }
    }

    /** The form again (refused, or back from a decision): its fragment for htmx; the whole page otherwise. */
    private String refused(UUID id, Model model, HttpServletRequest request, HttpServletResponse response,
            HttpStatus status, Map<String, Object> chart) {
        if (!Htmx.isHtmx(request)) {
            model.addAttribute("patient", chart != null ? chart : api.get("/api/patients/{id}", id));
        }
        return Htmx.refused(request, response, status, PAGE, "form");
    }

    /** Someone saved the chart after the clerk opened it: who and when, and where it now differs from the input. */
    public record StaleEdit(Map<String, Object> stored, java.util.List<PatientDetailsForm.Difference> differences) {

        public Object updatedBy() {
            return stored.get("updatedBy");
        }

        public Object updatedAt() {
            return stored.get("updatedAt");
        }
    }
}
