package org.clinictracker.web.procedure;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Reporting a complication after a procedure and updating its course. A report carries the form's idempotency key
 * (a double click records one event); an update carries the version the proceduralist saw, so a change made
 * meanwhile by someone else is shown to them instead of silently overwritten.
 */
@Controller
@RequestMapping("/procedures/{procedureId}/adverse-events")
class AdverseEventController {

    private static final String PAGE = "procedure/adverse-event";

    private final ClinicApi api;

    AdverseEventController(ClinicApi api) {
        this.api = api;
    }

    @GetMapping("/new")
    String newReport(@PathVariable UUID procedureId, Model model) {
        showProcedure(procedureId, model);
        model.addAttribute("form", AdverseEventForm.newReport(LocalDate.now()));
        return PAGE;
    }

    @PostMapping("/new")
    String report(@PathVariable UUID procedureId, @ModelAttribute("form") AdverseEventForm form, BindingResult binding,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            if (binding.hasErrors()) {
                throw UnreadableInput.of(binding);
            }
            api.post("/api/procedures/{id}/adverse-events", form.asReport(), form.getIdempotencyKey(), procedureId);
            return Htmx.redirect(request, response, "/procedures/" + procedureId + "#adverse-events");
        } catch (ApiProblem problem) {
            return refused(problem, procedureId, null, model, request, response);
        }
    }

    @GetMapping("/{adverseEventId}/edit")
    String edit(@PathVariable UUID procedureId, @PathVariable UUID adverseEventId, Model model) {
        Map<String, Object> procedure = showProcedure(procedureId, model);
        model.addAttribute("adverseEventId", adverseEventId);
        model.addAttribute("form", AdverseEventForm.of(adverseEvent(procedure, adverseEventId)));
        return PAGE;
    }

    @PostMapping("/{adverseEventId}/edit")
    String update(@PathVariable UUID procedureId, @PathVariable UUID adverseEventId,
            @ModelAttribute("form") AdverseEventForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("adverseEventId", adverseEventId);
        try {
            if (binding.hasErrors()) {
                throw UnreadableInput.of(binding);
            }
            api.put("/api/procedures/{id}/adverse-events/{aeId}", form.ifMatch(), form.asReport(), procedureId, adverseEventId);
            return Htmx.redirect(request, response, "/procedures/" + procedureId + "#adverse-events");
        } catch (ApiProblem problem) {
            return refused(problem, procedureId, adverseEventId, model, request, response);
        }
    }

    /**
     * The form again with the user's input and the problem beside the fields. A stale update (412) also shows the
     * event as it stands now and takes its version, so saving again replaces it knowingly.
     */
    private String refused(ApiProblem problem, UUID procedureId, UUID adverseEventId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (!(problem.status() == 400 || problem.status() == 409 || problem.status() == 412 || problem.status() == 422
                || problem.status() == 428)) {
            throw problem;
        }
        model.addAttribute("problem", problem);
        model.addAttribute("procedureId", procedureId);
        choices(model);
        if (problem.status() == 412 && adverseEventId != null) {
            Map<String, Object> current = adverseEvent(api.get("/api/procedures/{id}", procedureId), adverseEventId);
            model.addAttribute("current", current);
            ((AdverseEventForm) model.getAttribute("form")).setVersion(AdverseEventForm.of(current).getVersion());
        }
        if (!Htmx.isHtmx(request)) {
            showProcedure(procedureId, model);
        }
        return Htmx.refused(request, response, HttpStatus.valueOf(problem.status()), PAGE, "adverse-event-form");
    }

    private Map<String, Object> showProcedure(UUID procedureId, Model model) {
        Map<String, Object> procedure = api.get("/api/procedures/{id}", procedureId);
        model.addAttribute("procedureId", procedureId);
        model.addAttribute("procedure", procedure);
        choices(model);
        return procedure;
    }

    private static void choices(Model model) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> adverseEvent(Map<String, Object> procedure, UUID adverseEventId) {
        Object events = procedure.get("adverseEvents");
        if (events instanceof List<?> list) {
            for (Object event : list) {
                if (event instanceof Map<?, ?> map && adverseEventId.toString().equals(String.valueOf(map.get("id")))) {
                    return (Map<String, Object>) map;
                }
            }
        }
        throw new ApiProblem(404, Map.of("title", "No such adverse event",
                "detail", "This procedure has no adverse event " + adverseEventId + "."));
    }
}
