package org.clinictracker.web.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Consent: the patient's signed consents so far and the form to record a new one. A recorded consent brings the
 * clerk back here with it confirmed at the top (the consents are a history: a new one never replaces an old one).
 */
@Controller
class ConsentPage {

    private static final String PAGE = "desk/consent";

    private final ClinicApi api;
    private final Clock clock = Clock.systemDefaultZone();

    ConsentPage(ClinicApi api) {
        this.api = api;
    }

    @GetMapping("/patients/{id}/consent")
    String form(@PathVariable UUID id, @RequestParam(required = false) String recorded, Model model) {
        Map<String, Object> patient = api.get("/api/patients/{id}", id);
        List<Map<String, Object>> consents = api.getArray("/api/patients/{id}/consents", id);
        model.addAttribute("patientId", id);
        model.addAttribute("patient", patient);
        model.addAttribute("consents", consents);
        model.addAttribute("recorded", consents.stream()
                .filter(consent -> recorded != null && recorded.equals(String.valueOf(consent.get("id"))))
                .findFirst().orElse(null));
        model.addAttribute("form", ConsentForm.blank(LocalDate.now(clock), plannedModality(patient)));
        return PAGE;
    }

    @PostMapping("/patients/{id}/consent")
    String record(@PathVariable UUID id, @ModelAttribute("form") ConsentForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("patientId", id);
        form.check(binding);
        if (binding.hasErrors()) {
            model.addAttribute("problem", UnreadableInput.of(binding));
            return refused(id, model, request, response, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            ApiAnswer consent = api.post("/api/patients/{id}/consents", form.toApiBody(), form.getIdempotencyKey(), id);
            return Htmx.redirect(request, response, "/patients/" + id + "/consent?recorded=" + consent.id());
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
            return refused(id, model, request, response, RegistrationPage.refusal(problem));
        }
    }

    private String refused(UUID id, Model model, HttpServletRequest request, HttpServletResponse response,
            HttpStatus status) {
        if (!Htmx.isHtmx(request)) {
            model.addAttribute("patient", api.get("/api/patients/{id}", id));
            model.addAttribute("consents", api.getArray("/api/patients/{id}/consents", id));
        }
        return Htmx.refused(request, response, status, PAGE, "form");
    }

    private static Object plannedModality(Map<String, Object> patient) {
        if (patient.get("screening") instanceof Map<?, ?> screening && screening.get("answers") instanceof Map<?, ?> answers) {
            return answers.get("plannedModality");
        }
        return null;
    }
}
