package org.clinictracker.web.audit;

import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /patients/{id}/audit}: who saw or changed a patient's records, for the clinic admin. The entries of the
 * three services in one list, newest first; "older entries" shows more, and a request id narrows the list to
 * one user action as it went through the services.
 */
@Controller
class AuditTrailPage {

    private static final int MAX_REQUEST_ID = 100;

    private final ClinicApi api;
    private final PatientAuditTrail trails;

    AuditTrailPage(ClinicApi api, PatientAuditTrail trails) {
        this.api = api;
        this.trails = trails;
    }

    @GetMapping("/patients/{patientId}/audit")
    String trail(@PathVariable String patientId, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String requestId, Model model) {
        Map<String, Object> patient = api.get("/api/patients/{id}", patientId);
        int shown = limit(limit);
        PatientAuditTrail.MergedTrail trail = trails.newest(patientId, shown);
        String onlyRequest = requestId == null || requestId.isBlank() ? null
                : requestId.strip().substring(0, Math.min(requestId.strip().length(), MAX_REQUEST_ID));
        List<AuditLine> lines = onlyRequest == null ? trail.lines()
                : trail.lines().stream().filter(line -> onlyRequest.equals(line.requestId())).toList();
        model.addAttribute("patient", patient);
        model.addAttribute("patientId", patientId);
        model.addAttribute("trail", trail);
        model.addAttribute("lines", lines);
        model.addAttribute("limit", shown);
        model.addAttribute("olderLimit", Math.min(shown + PatientAuditTrail.STEP, PatientAuditTrail.MOST));
        model.addAttribute("canShowOlder", trail.hasOlder() && shown < PatientAuditTrail.MOST);
        model.addAttribute("requestId", onlyRequest);
        return "audit/trail";
    }

    /** The number of entries asked for: a step of 50 up to the most; anything else (a typed URL) reads as 50. */
    private static int limit(String asked) {
        try {
            int value = Integer.parseInt(asked == null ? "" : asked.strip());
            return Math.max(PatientAuditTrail.STEP, Math.min(value, PatientAuditTrail.MOST));
        } catch (NumberFormatException notANumber) {
            return PatientAuditTrail.STEP;
        }
    }
}
