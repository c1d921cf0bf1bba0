package org.clinictracker.web.worklist;

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
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Outcome entry in one step, in the worklist's row: "Document outcome" opens the form under the visit (htmx),
 * saving it records the outcome and the row then says "Documented" with the rules' verdict (responder, waning
 * relief and so a repeat-treatment candidate). A refused form comes back in place with the user's input and
 * each message beside its field.
 */
@Controller
@RequestMapping("/followups/{visitId}/outcome")
class OutcomeEntry {

    private static final String PAGE = "worklist/outcome";

    private final ClinicApi api;

    OutcomeEntry(ClinicApi api) {
        this.api = api;
    }

    /** Only the form's own fields bind (one adverse event): a hostile "adverseEvents[99999]" grows nothing. */
    @InitBinder("outcomeForm")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields("painScore", "reliefPercent", "functionScore.instrument", "functionScore.value",
                "painAverage", "pegEnjoyment", "pegActivity", "opioidMmePerDay", "satisfaction", "sensationReturned", "adverseEvents[0].*", "notes",
                "assessedOn", "idempotencyKey", "patient", "label");
    }

    @GetMapping
    String form(@PathVariable UUID visitId, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String label, Model model) {
        model.addAttribute("visitId", visitId);
        model.addAttribute("outcomeForm", OutcomeForm.forVisit(patient, label));
        return PAGE + " :: form-row";
    }

    /** "Cancel": the row closes again, nothing recorded. */
    @GetMapping("/closed")
    String closed(@PathVariable UUID visitId, Model model) {
        model.addAttribute("visitId", visitId);
        return PAGE + " :: closed-row";
    }

    @PostMapping
    String record(@PathVariable UUID visitId, @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult binding,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("visitId", visitId);
        if (binding.hasErrors()) {
            model.addAttribute("problem", UnreadableInput.of(binding));
            return Htmx.refused(request, response, HttpStatus.UNPROCESSABLE_CONTENT, PAGE, "form-row");
        }
        try {
            ApiAnswer answer = api.post("/api/followups/{id}/outcome", form.body(), form.getIdempotencyKey(), visitId);
            if (!Htmx.isHtmx(request)) {
                return "redirect:/worklist";
            }
            model.addAttribute("outcome", answer.body());
            return PAGE + " :: documented";
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
            HttpStatus status = HttpStatus.resolve(problem.status());
            return Htmx.refused(request, response, status == null ? HttpStatus.BAD_GATEWAY : status, PAGE, "form-row");
        }
    }
}
