package org.clinictracker.web.recording;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.layout.UnreadableInput;
import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.clinictracker.web.recording.ProcedureFormView.Purpose;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The proceduralist records a procedure for a patient ({@code POST /api/procedures}) and amends one with a reason
 * ({@code PUT /api/procedures/{id}} on the version read with the form). A saved case opens its page; a refusal comes
 * back beside the fields with every input kept, all target rows included.
 */
@Controller
class RecordingController {

    /** What the browser may send back as a version or a key: no header can be smuggled in through a hidden field. */
    private static final Pattern VERSION_TAG = Pattern.compile("(W/)?\"\\d{1,10}\"");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final ClinicApi api;
    private final ProcedureFormView view;

    RecordingController(ClinicApi api, ProcedureFormView view) {
        this.api = api;
        this.view = view;
    }

    @GetMapping("/procedures/new")
    String newProcedure(@RequestParam UUID patientId, Model model) {
        ProcedureForm form = ProcedureForm.blank(patientId, LocalDateTime.now(view.zone()));
        return view.page(model, form, Purpose.recording(), null, WarningRegions.none());
    }

    @PostMapping("/procedures/new")
    String record(@ModelAttribute("form") ProcedureForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (form.getIdempotencyKey() == null || !IDEMPOTENCY_KEY.matcher(form.getIdempotencyKey()).matches()) {
            form.setIdempotencyKey(UUID.randomUUID().toString()); // a lost key only costs the double-click guard
        }
        ApiProblem unreadable = UnreadableInput.of(binding, form::sends);
        if (unreadable != null) {
            return view.refused(request, response, model, form, Purpose.recording(), unreadable);
        }
        try {
            ApiAnswer saved = api.post("/api/procedures", form.toNewProcedure(view.zone()), form.getIdempotencyKey());
            return Htmx.redirect(request, response, "/procedures/" + saved.id());
        } catch (ApiProblem refused) {
            return view.refused(request, response, model, form, Purpose.recording(), refused);
        }
    }

    @GetMapping("/procedures/{id}/amend")
    String amendment(@PathVariable UUID id, Model model) {
        ApiAnswer current = api.getForUpdate("/api/procedures/{id}", id);
        ProcedureForm form = ProcedureForm.of(current.body(), view.zone());
        form.setIfMatch(current.etag());
        Object warnings = current.body().get("warnings");
        return view.page(model, form, Purpose.amending(id), null,
                WarningRegions.of(warnings instanceof java.util.List<?> list ? list : java.util.List.of()));
    }

    @PostMapping("/procedures/{id}/amend")
    String amend(@PathVariable UUID id, @ModelAttribute("form") ProcedureForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Purpose purpose = Purpose.amending(id);
        ApiProblem unreadable = UnreadableInput.of(binding, form::sends);
        if (unreadable != null) {
            return view.refused(request, response, model, form, purpose, unreadable);
        }
        String version = sane(form.getOverVersion()) ? form.getOverVersion() : form.getIfMatch();
        if (!sane(version)) {
            return view.refused(request, response, model, form, purpose, new ApiProblem(428, Map.of(
                    "code", "version-unknown", "title", "The form lost track of the record's version",
                    "detail", "Open the amendment again from the procedure's page; nothing was saved.")));
        }
        try {
            api.put("/api/procedures/{id}", version, form.toAmendment(view.zone()), id);
            return Htmx.redirect(request, response, "/procedures/" + id);
        } catch (ApiProblem refused) {
            form.setOverVersion(null); // saving over a newer version is asked again each time
            return view.refused(request, response, model, form, purpose, refused);
        }
    }

    private static boolean sane(String versionTag) {
        return versionTag != null && VERSION_TAG.matcher(versionTag).matches();
    }
}
