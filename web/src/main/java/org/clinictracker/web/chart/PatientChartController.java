package org.clinictracker.web.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.catalogue.NerveCatalogue;
import org.clinictracker.web.layout.Htmx;
import org.clinictracker.web.layout.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The patient's chart, the page every role reaches from the search: demographics and contact, indication, the
 * latest screening (with the proceduralist's override), consents, and, for the roles that may read them, the
 * procedures and the follow-up visits.
 */
@Controller
class PatientChartController {

    /** Enough for any one patient's chart; a longer history still shows its newest entries. */
    private static final int LIST_SIZE = 100;

    private final ClinicApi api;
    private final NerveCatalogue nerves;

    PatientChartController(ClinicApi api, NerveCatalogue nerves) {
        this.api = api;
        this.nerves = nerves;
    }

    @GetMapping("/patients/{id}")
    String chart(@PathVariable UUID id, @ModelAttribute(name = "user", binding = false) SignedInUser user, Model model) {
        showChart(id, user, model);
        OverrideForm form = new OverrideForm();
        ScreeningSummary screening = (ScreeningSummary) model.getAttribute("screeningSummary");
        if (screening.modalitySpecific()) {
            form.setModalities(new ArrayList<>(screening.undecidedModalities())); // what is still undecided
        }
        model.addAttribute("overrideForm", form);
        return "chart/patient";
    }

    @PostMapping("/patients/{id}/screenings/{screeningId}/override")
    String overrideScreening(@PathVariable UUID id, @PathVariable UUID screeningId,
            @ModelAttribute("overrideForm") OverrideForm form, @ModelAttribute(name = "user", binding = false) SignedInUser user, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            api.post("/api/patients/{id}/screenings/{screeningId}/override", form.body(), form.getIdempotencyKey(),
                    id, screeningId);
            return Htmx.redirect(request, response, "/patients/" + id + "#screening");
        } catch (ApiProblem problem) {
            if (!isAboutTheForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            if (Htmx.isHtmx(request)) {
                Map<String, Object> patient = api.get("/api/patients/{id}", id);
                model.addAttribute("sections", ChartSections.of(user));
                model.addAttribute("patient", patient);
                model.addAttribute("screeningSummary", ScreeningSummary.of(patient));
            } else {
                showChart(id, user, model);
            }
            return Htmx.refused(request, response, HttpStatus.valueOf(problem.status()), "chart/patient",
                    "override-form");
        }
    }

    /** Refusals the user can act on in the form (a missing reason, a superseded screening); others are pages. */
    private static boolean isAboutTheForm(ApiProblem problem) {
        return problem.status() == 400 || problem.status() == 409 || problem.status() == 422;
    }

    private void showChart(UUID id, SignedInUser user, Model model) {
        ChartSections sections = ChartSections.of(user);
        model.addAttribute("sections", sections);
        Map<String, Object> patient = api.get("/api/patients/{id}", id);
        model.addAttribute("patient", patient);
        model.addAttribute("screeningSummary", ScreeningSummary.of(patient));
        model.addAttribute("consents", api.getArray("/api/patients/{id}/consents", id));
        if (sections.procedures()) {
            List<Map<String, Object>> procedures = listOrAway(model, "procedures", "/api/procedures", id);
            model.addAttribute("procedures", procedures);
            model.addAttribute("nerveNames", procedures.isEmpty() ? Map.of() : nerves.names());
        }
        if (sections.followUps()) {
            model.addAttribute("visits", listOrAway(model, "visits", "/api/followups", id));
        }
    }

    /**
     * One clinical section's list. A service that is away or overloaded costs only its section (marked
     * {@code <name>Away}): the rest of the chart is still worth reading.
     */
    private List<Map<String, Object>> listOrAway(Model model, String name, String path, UUID patientId) {
        try {
            return content(api.get(path, Map.of("patientId", patientId, "size", LIST_SIZE)));
        } catch (ApiProblem problem) {
            if (!problem.isTemporary()) {
                throw problem;
            }
            model.addAttribute(name + "Away", true);
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> content(Map<String, Object> page) {
        Object content = page == null ? null : page.get("content");
        return content instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
