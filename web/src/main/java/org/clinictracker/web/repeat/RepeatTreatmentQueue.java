package org.clinictracker.web.repeat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.clinictracker.web.worklist.ApiPages;
import org.clinictracker.web.worklist.PatientNames;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The repeat-treatment queue: patients whose relief is waning, the longest waiting first. A coordinator books
 * the consult or dismisses the candidate with a reason, in the row; a proceduralist sees the same queue to know
 * who is coming back, without the actions (PageAccess lets only coordinators post here).
 */
@Controller
class RepeatTreatmentQueue {

    static final int PAGE_SIZE = 20;
    private static final String PAGE = "repeat/queue";

    private final ClinicApi api;
    private final PatientNames names;

    RepeatTreatmentQueue(ClinicApi api, PatientNames names) {
        this.api = api;
        this.names = names;
    }

    @GetMapping("/repeat-treatments")
    String queue(@RequestParam(defaultValue = "0") String page, Model model) {
        int pageNumber = ApiPages.number(page);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", "OPEN");
        query.put("page", pageNumber);
        query.put("size", PAGE_SIZE);
        Map<String, Object> answer = api.get("/api/repeat-treatments", query);
        List<Map<String, Object>> candidates = ApiPages.rows(answer);
        names.fill(candidates);
        model.addAttribute("candidates", candidates);
        model.addAttribute("page", answer.getOrDefault("page", Map.of()));
        model.addAttribute("pageNumber", pageNumber);
        return PAGE;
    }

    @PostMapping("/repeat-treatments/{id}/decision")
    String decide(@PathVariable UUID id, @ModelAttribute DecisionForm decision, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("candidateId", id);
        model.addAttribute("decision", decision);
        try {
            model.addAttribute("decided", api.post("/api/repeat-treatments/{id}/decision", decision.body(), null, id).body());
            return Htmx.isHtmx(request) ? PAGE + " :: decided" : "redirect:/repeat-treatments";
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
            HttpStatus status = HttpStatus.resolve(problem.status());
            if (!Htmx.isHtmx(request)) {
                return queue("0", model);
            }
            return Htmx.refused(request, response, status == null ? HttpStatus.BAD_GATEWAY : status, PAGE, "decision");
        }
    }
}
