package org.clinictracker.web.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Register a patient". A registration the API suspects is a second chart of someone already registered (409
 * {@code possible-duplicate}) becomes a decision: the existing charts side by side with what was typed, and for each
 * "this is someone else" (registers again, naming that chart in {@code notDuplicateOf}) or "open the existing chart".
 * While deciding, the typed registration travels in hidden inputs, so nothing is lost whichever way it goes.
 */
@Controller
@RequestMapping("/patients/new")
class RegistrationPage {

    private static final String PAGE = "desk/register";

    private final ClinicApi api;

    RegistrationPage(ClinicApi api) {
        this.api = api;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.blank());
        return PAGE;
    }

    @PostMapping
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult binding,
            @RequestParam(name = "changeDetails", required = false) String changeDetails,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        if (changeDetails != null) {
            // back from the duplicate decision to the whole form, as typed; nothing is sent
            return PAGE + (Htmx.isHtmx(request) ? " :: form" : "");
        }
        form.check(binding);
        if (binding.hasErrors()) {
            model.addAttribute("problem", FormProblems.of(binding));
            return Htmx.refused(request, response, HttpStatus.UNPROCESSABLE_CONTENT, PAGE, "form");
        }
        try {
            ApiAnswer registered = api.post("/api/patients", form.toApiBody(), form.getIdempotencyKey());
            return Htmx.redirect(request, response, "/patients/" + registered.id());
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.CONFLICT.value() && "possible-duplicate".equals(problem.code())) {
                model.addAttribute("duplicates", candidates(problem));
                return Htmx.refused(request, response, HttpStatus.CONFLICT, PAGE, "form");
            }
            model.addAttribute("problem", problem);
            return Htmx.refused(request, response, refusal(problem), PAGE, "form");
        }
    }

    /** Each chart the API named, read in full so the clerk can compare; one that cannot be read shows its MRN. */
    private List<DuplicateCandidate> candidates(ApiProblem problem) {
        List<DuplicateCandidate> candidates = new ArrayList<>();
        if (problem.body().get("candidates") instanceof List<?> named) {
            for (Object entry : named) {
                if (entry instanceof Map<?, ?> candidate && candidate.get("id") != null) {
                    String id = String.valueOf(candidate.get("id"));
                    String mrn = candidate.get("mrn") == null ? null : String.valueOf(candidate.get("mrn"));
                    candidates.add(read(id, mrn));
                }
            }
        }
        return candidates;
    }

    private DuplicateCandidate read(String id, String mrn) {
        try {
            return DuplicateCandidate.of(id, mrn, api.get("/api/patients/{id}", id));
        } catch (ApiProblem unreadable) {
            return DuplicateCandidate.of(id, mrn, Map.of());
        }
    }

    /** A refused form is answered with the API's status, a bad request as 422 (the form's fields are the problem). */
    static HttpStatus refusal(ApiProblem problem) {
        if (problem.status() == HttpStatus.BAD_REQUEST.value()) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        HttpStatus status = HttpStatus.resolve(problem.status());
        return status == null ? HttpStatus.BAD_GATEWAY : status;
    }

    /** An existing chart that may be the person being registered: what a clerk compares (name, birth date, phone). */
    public record DuplicateCandidate(String id, String mrn, String name, String birthDate, String phone) {

        static DuplicateCandidate of(String id, String mrn, Map<String, Object> chart) {
            return new DuplicateCandidate(id, chart.get("mrn") != null ? String.valueOf(chart.get("mrn")) : mrn,
                    text(chart.get("displayName")), text(chart.get("birthDate")), text(chart.get("phone")));
        }

        private static String text(Object value) {
            return value == null ? null : String.valueOf(value);
        }
    }
}
