package org.clinictracker.web.worklist;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient answers a visit's questions themselves: "E-mail the questions" has followup-service send the patient a
 * single-use link (the row then says "Questions e-mailed 3 Dec"); "Questions on a tablet" issues the link for the
 * waiting room and shows it once, on a page nobody's browser keeps. Issuing again replaces the visit's earlier
 * unanswered link. A refusal (window not started, no e-mail on file, no mail server, the mail server refusing) is
 * said in words under the row.
 */
@Controller
@RequestMapping("/followups/{visitId}/patient-link")
class PatientLinkSending {

    private static final String PAGE = "worklist/patient-link";

    /** The API's refusals in the coordinator's words, with what to do instead. */
    private static final Map<String, String> REFUSALS = Map.of(
            "visit-not-open", "The visit's window has not started yet: the questions can go out from its first day.",
            "outcome-already-recorded", "This visit's outcome is already recorded: there is nothing left to ask.",
            "visit-cancelled", "This visit was cancelled: there is nothing to ask.",
            "visit-missed", "This visit's window has passed: reschedule it before sending the questions.",
            "no-email-on-file", "No e-mail address is on file for this patient. The front desk can add one; until then "
                    + "hand the questions over on a tablet or call the patient.",
            "email-not-configured", "The clinic has no mail server set up, so nothing can be e-mailed. Hand the "
                    + "questions over on a tablet or call the patient.",
            "message-not-sent", "The e-mail could not be sent (the clinic's mail server refused it or did not answer). "
                    + "The link was withdrawn, so nothing usable went out. Try again later, or use a tablet.");

    private final ClinicApi api;

    PatientLinkSending(ClinicApi api) {
        this.api = api;
    }

    @PostMapping("/email")
    String email(@PathVariable UUID visitId, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String label, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        visit(model, visitId, patient, label);
        try {
            model.addAttribute("link", issue(visitId, "EMAIL"));
            return Htmx.isHtmx(request) ? PAGE + " :: emailed" : "redirect:/worklist";
        } catch (ApiProblem problem) {
            return refused(problem, model, request, response);
        }
    }

    /**
     * The link for the waiting room's tablet: shown on this answer only (the API never gives it again), which no
     * browser or proxy may keep. With htmx it replaces the worklist's main part; a refusal goes under the row instead.
     */
    @PostMapping("/tablet")
    String tablet(@PathVariable UUID visitId, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String label, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        visit(model, visitId, patient, label);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            model.addAttribute("link", issue(visitId, "IN_CLINIC"));
            return Htmx.isHtmx(request) ? "worklist/tablet :: tablet" : "worklist/tablet";
        } catch (ApiProblem problem) {
            if (Htmx.isHtmx(request)) {
                response.setHeader("HX-Retarget", "#outcome-" + visitId);
                response.setHeader("HX-Reswap", "outerHTML");
            }
            return refused(problem, model, request, response);
        }
    }

    private Map<String, Object> issue(UUID visitId, String delivery) {
        Map<String, Object> link = api.post("/api/followups/{id}/patient-link", Map.of("delivery", delivery), null,
                visitId).body();
        return link == null ? Map.of() : link;
    }

    private static void visit(Model model, UUID visitId, String patient, String label) {
        model.addAttribute("visitId", visitId);
        model.addAttribute("patient", patient);
        model.addAttribute("label", label);
    }

    /**
     * The refusal under the row (htmx) or on a page of its own, with the API's status. A 5xx would not be swapped in
     * by htmx (the layout's responseHandling), so under the row it comes as 200: the words say what happened.
     */
    private static String refused(ApiProblem problem, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("problem", problem);
        model.addAttribute("refusal", REFUSALS.getOrDefault(String.valueOf(problem.code()), problem.detail() != null
                ? problem.detail() : "The clinic system refused to issue the link."));
        if ("message-not-sent".equals(problem.code())) {
            model.addAttribute("link", Map.of("state", "SEND_FAILED"));
        }
        HttpStatus status = HttpStatus.resolve(problem.status());
        if (status == null) {
            status = HttpStatus.BAD_GATEWAY;
        }
        if (Htmx.isHtmx(request)) {
            response.setStatus(status.is5xxServerError() ? HttpStatus.OK.value() : status.value());
            return PAGE + " :: not-issued";
        }
        response.setStatus(status.value());
        return PAGE;
    }
}
