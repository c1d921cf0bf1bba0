package org.clinictracker.web.worklist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "Take": the signed-in coordinator takes a visit from the pool (or from a colleague); the row shows the new owner. */
@Controller
class VisitAssignment {

    private final ClinicApi api;

    VisitAssignment(ClinicApi api) {
        this.api = api;
    }

    @PostMapping("/followups/{visitId}/assign")
    String take(@PathVariable UUID visitId, @ModelAttribute(name = "user", binding = false) SignedInUser user,
            Model model) {
        model.addAttribute("visitId", visitId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assignee", user.username());
        try {
            Map<String, Object> visit = api.post("/api/followups/{id}/assign", body, null, visitId).body();
            model.addAttribute("assignee", visit == null ? user.username() : visit.get("assignee"));
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
        }
        return "worklist/worklist :: assignee";
    }
}
