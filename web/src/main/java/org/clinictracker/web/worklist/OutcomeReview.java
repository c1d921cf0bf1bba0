package org.clinictracker.web.worklist;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Looks right" on a patient's answers: the coordinator has read them and they stand as the visit's outcome, so the
 * visit leaves "Answered by patients". Correcting them is {@link OutcomeAmendment}.
 */
@Controller
class OutcomeReview {

    private final ClinicApi api;

    OutcomeReview(ClinicApi api) {
        this.api = api;
    }

    @PostMapping("/followups/{visitId}/outcome/review")
    String review(@PathVariable UUID visitId, @RequestParam(required = false) String patient, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("visitId", visitId);
        model.addAttribute("patient", patient);
        try {
            api.post("/api/followups/{id}/outcome/review", Map.of(), null, visitId);
            return Htmx.isHtmx(request) ? "worklist/answers :: reviewed" : "redirect:/worklist?tab=answered";
        } catch (ApiProblem problem) {
            if (!Htmx.isHtmx(request)) {
                throw problem; // the problem page, with the API's status
            }
            model.addAttribute("problem", problem);
            // htmx swaps no 5xx answer in (the layout's responseHandling): the words under the row come with 200
            response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : HttpStatus.OK.value());
            return "worklist/answers :: refused";
        }
    }
}
