package org.clinictracker.web.worklist;

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
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Reschedule" in a worklist row: the visit's new due day and why, in the row (htmx) like the outcome form; the
 * row then shows the new due day. A missed visit rescheduled is how a coordinator catches a patient up.
 */
@Controller
@RequestMapping("/followups/{visitId}/reschedule")
class VisitRescheduling {

    private static final String PAGE = "worklist/reschedule";

    private final ClinicApi api;

    VisitRescheduling(ClinicApi api) {
        this.api = api;
    }

    @InitBinder("rescheduleForm")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields("dueOn", "reason", "patient", "label");
    }

    @GetMapping
    String form(@PathVariable UUID visitId, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String label, Model model) {
        model.addAttribute("visitId", visitId);
        model.addAttribute("rescheduleForm", RescheduleForm.forVisit(patient, label));
        return PAGE + " :: form-row";
    }

    @PostMapping
    String reschedule(@PathVariable UUID visitId, @ModelAttribute("rescheduleForm") RescheduleForm form,
            BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("visitId", visitId);
        if (binding.hasErrors()) {
            model.addAttribute("problem", UnreadableInput.of(binding));
            return Htmx.refused(request, response, HttpStatus.UNPROCESSABLE_CONTENT, PAGE, "form-row");
        }
        try {
            model.addAttribute("visit", api.post("/api/followups/{id}/reschedule", form.body(), null, visitId).body());
            return Htmx.isHtmx(request) ? PAGE + " :: rescheduled" : "redirect:/worklist";
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
            HttpStatus status = HttpStatus.resolve(problem.status());
            return Htmx.refused(request, response, status == null ? HttpStatus.BAD_GATEWAY : status, PAGE, "form-row");
        }
    }
}
