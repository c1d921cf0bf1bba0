package org.clinictracker.web.desk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.layout.UnreadableInput;
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
    private final PossibleDuplicates duplicates;

    RegistrationPage(ClinicApi api, PossibleDuplicates duplicates) {
        this.api = api;
        this.duplicates = duplicates;
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
            model.addAttribute("problem", UnreadableInput.of(binding));
            return Htmx.refused(request, response, HttpStatus.UNPROCESSABLE_CONTENT, PAGE, "form");
        }
        try {
            ApiAnswer registered = api.post("/api/patients", form.toApiBody(), form.getIdempotencyKey());
            return Htmx.redirect(request, response, "/patients/" + registered.id());
        } catch (ApiProblem problem) {
            if (PossibleDuplicates.isPossibleDuplicate(problem)) {
                model.addAttribute("duplicates", duplicates.candidates(problem));
                return Htmx.refused(request, response, HttpStatus.CONFLICT, PAGE, "form");
            }
            model.addAttribute("problem", problem);
            return Htmx.refused(request, response, refusal(problem), PAGE, "form");
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
}
