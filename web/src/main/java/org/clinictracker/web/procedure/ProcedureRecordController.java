package org.clinictracker.web.procedure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.catalogue.NerveCatalogue;
import org.clinictracker.web.terms.ClinicalTerms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A procedure's record ({@code /procedures/{id}}): every field in words, its adverse events, and every earlier
 * version with the amendment's reason, author and what it changed.
 */
@Controller
class ProcedureRecordController {

    private final ClinicApi api;
    private final NerveCatalogue nerves;
    private final ClinicalTerms terms;

    ProcedureRecordController(ClinicApi api, NerveCatalogue nerves, ClinicalTerms terms) {
        this.api = api;
        this.nerves = nerves;
        this.terms = terms;
    }

    @GetMapping("/procedures/{id}")
    String record(@PathVariable UUID id, Model model) {
        Map<String, Object> procedure = api.get("/api/procedures/{id}", id);
        Map<String, String> nerveNames = nerves.names();
        List<Map<String, Object>> history = api.getArray("/api/procedures/{id}/history", id);
        model.addAttribute("procedure", procedure);
        model.addAttribute("patient", patientOf(procedure));
        model.addAttribute("nerveNames", nerveNames);
        model.addAttribute("versions", VersionHistory.of(history, nerveNames, terms));
        return "procedure/record";
    }

    /** Who the record is about, for its heading; a patient that cannot be read leaves only the id to show. */
    private Map<String, Object> patientOf(Map<String, Object> procedure) {
        Object patientId = procedure.get("patientId");
        try {
            return api.get("/api/patients/{id}", patientId);
        } catch (ApiProblem unreadable) {
            if (unreadable.status() == 403 || unreadable.status() == 404) {
                return Map.of("id", String.valueOf(patientId));
            }
            throw unreadable;
        }
    }
}
