package org.clinictracker.web.desk;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.layout.UnreadableInput;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The candidacy screening: the front desk records the answers; the API derives the result (eligible, not eligible,
 * needs review) with its reasons, which the result page puts in words for each procedure.
 */
@Controller
class ScreeningPage {

    private static final String PAGE = "desk/screening";

    private final ClinicApi api;

    ScreeningPage(ClinicApi api) {
        this.api = api;
    }

    @GetMapping("/patients/{id}/screening")
    String form(@PathVariable UUID id, Model model) {
        Map<String, Object> patient = api.get("/api/patients/{id}", id);
        model.addAttribute("patientId", id);
        model.addAttribute("patient", patient);
        model.addAttribute("form", ScreeningForm.blank(patient.get("painDurationMonths")));
        return PAGE;
    }

    @PostMapping("/patients/{id}/screening")
    String record(@PathVariable UUID id, @ModelAttribute("form") ScreeningForm form, BindingResult binding,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("patientId", id);
        form.check(binding);
        if (binding.hasErrors()) {
            model.addAttribute("problem", UnreadableInput.of(binding));
            return refused(id, model, request, response, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            api.post("/api/patients/{id}/screenings", form.toApiBody(), form.getIdempotencyKey(), id);
            return Htmx.redirect(request, response, "/patients/" + id + "/screening/result");
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
            return refused(id, model, request, response, RegistrationPage.refusal(problem));
        }
    }

    /** The latest screening's result, in words: the headline and what each procedure's rules found. */
    @GetMapping("/patients/{id}/screening/result")
    String result(@PathVariable UUID id, Model model) {
        Map<String, Object> patient = api.get("/api/patients/{id}", id);
        model.addAttribute("patientId", id);
        model.addAttribute("patient", patient);
        model.addAttribute("screening", patient.get("screening"));
        return "desk/screening-result";
    }

    private String refused(UUID id, Model model, HttpServletRequest request, HttpServletResponse response,
            HttpStatus status) {
        if (!Htmx.isHtmx(request)) {
            model.addAttribute("patient", api.get("/api/patients/{id}", id));
        }
        return Htmx.refused(request, response, status, PAGE, "form");
    }
}
