package org.clinictracker.web.recording;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.catalogue.NerveCatalogue;
import org.clinictracker.web.layout.Htmx;
import org.clinictracker.web.terms.ClinicalTerms;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the procedure form needs to be drawn, whole or in pieces: the nerve catalogue, the draft's
 * warnings, a refusal to show beside the fields, and for the whole page the patient it is for.
 */
@Component
class ProcedureFormView {

    static final String PAGE = "recording/procedure-form";
    static final String PIECE = "recording/piece";

    private final ClinicApi api;
    private final NerveCatalogue catalogue;
    private final ClinicalTerms terms;
    private final ZoneId zone;

    ProcedureFormView(ClinicApi api, NerveCatalogue catalogue, ClinicalTerms terms, @Value("${CLINIC_TIME_ZONE:UTC}") ZoneId zone) {
        this.api = api;
        this.catalogue = catalogue;
        this.terms = terms;
        this.zone = zone;
    }

    /** The clinic's time zone: "performed at" is typed as the clinic's wall-clock time. */
    ZoneId zone() {
        return zone;
    }

    /** Whether the form is for a new procedure or an amendment of {@code procedureId}. */
    record Purpose(boolean amending, UUID procedureId) {

        static Purpose recording() {
            return new Purpose(false, null);
        }

        static Purpose amending(UUID procedureId) {
            return new Purpose(true, procedureId);
        }

        String action() {
            return amending ? "/procedures/" + procedureId + "/amend" : "/procedures/new";
        }
    }

    /** The whole page. */
    String page(Model model, ProcedureForm form, Purpose purpose, ApiProblem problem, WarningRegions warnings) {
        form(model, form, purpose, problem, warnings);
        model.addAttribute("patient", form.getPatientId() == null ? null : api.get("/api/patients/{id}", form.getPatientId()));
        return PAGE;
    }

    /** A refused form: its fragment for htmx (the page stays), the whole page otherwise, with the refusal's status. */
    String refused(HttpServletRequest request, HttpServletResponse response, Model model, ProcedureForm form,
            Purpose purpose, ApiProblem problem) {
        WarningRegions warnings = warningsOf(form);
        HttpStatus status = HttpStatus.resolve(problem.status());
        if (status == null || !status.isError()) {
            status = HttpStatus.BAD_GATEWAY;
        }
        if (Htmx.isHtmx(request)) {
            form(model, form, purpose, problem, warnings);
            return Htmx.refused(request, response, status, PAGE, "procedure-form");
        }
        response.setStatus(status.value());
        return page(model, form, purpose, problem, warnings);
    }

    /** A piece of the form (target rows, a target's level, cycles, adverse events) with the draft's warnings. */
    String piece(Model model, ProcedureForm form, String piece) {
        model.addAttribute("form", form);
        model.addAttribute("problem", null);
        model.addAttribute("nerves", "none".equals(piece) || "adverse-events".equals(piece) ? null : NerveChoices.of(catalogue.nerves(), terms));
        model.addAttribute("warnings", warningsOf(form));
        model.addAttribute("piece", piece);
        return PIECE;
    }

    /**
     * The warnings the clinic's rules would keep on the draft as it stands (procedure-service judges them). They are
     * advice: when they cannot be had (the service away), the form simply shows none.
     */
    WarningRegions warningsOf(ProcedureForm form) {
        try {
            Map<String, Object> answer = api.post("/api/procedures/warnings", form.toDraft(zone), null).body();
            return WarningRegions.of(answer != null && answer.get("warnings") instanceof List<?> list ? list : List.of());
        } catch (ApiProblem unavailable) {
            return WarningRegions.none();
        }
    }

    private void form(Model model, ProcedureForm form, Purpose purpose, ApiProblem problem, WarningRegions warnings) {
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("nerves", NerveChoices.of(catalogue.nerves(), terms));
        model.addAttribute("warnings", warnings);
        model.addAttribute("amending", purpose.amending());
        model.addAttribute("procedureId", purpose.procedureId());
        model.addAttribute("action", purpose.action());
        model.addAttribute("cancel", purpose.amending() ? "/procedures/" + purpose.procedureId()
                : form.getPatientId() == null ? "/patients" : "/patients/" + form.getPatientId());
        model.addAttribute("duplicates", duplicatesIn(problem));
        model.addAttribute("stale", problem != null && problem.status() == 412 ? problem.body().get("currentVersion") : null);
        model.addAttribute("askClearanceReason", !purpose.amending() && (form.getMissingClearanceReason() != null
                && !form.getMissingClearanceReason().isBlank()
                || problem != null && ("treatment-not-cleared".equals(problem.code())
                        || problem.hasFieldError("missingClearanceReason"))));
    }

    /** The records the API thinks this case duplicates (409 possible-duplicate), each with id, time, modality, author. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> duplicatesIn(ApiProblem problem) {
        if (problem == null || !"possible-duplicate".equals(problem.code())
                || !(problem.body().get("candidates") instanceof List<?> candidates)) {
            return List.of();
        }
        return candidates.stream().filter(Map.class::isInstance).map(candidate -> (Map<String, Object>) candidate)
                .toList();
    }
}
