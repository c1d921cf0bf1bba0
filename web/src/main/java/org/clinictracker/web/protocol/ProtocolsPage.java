package org.clinictracker.web.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiAnswer;
import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.Htmx;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic admin's follow-up protocols: each modality's visits and windows ({@code /admin/protocols}), and
 * the edit of one ({@code /admin/protocols/{modality}}) with rows added and removed in place (htmx posts the
 * form, the server answers it re-rendered). A save makes a new version from the one the admin started from;
 * plans already made keep the schedule they began with.
 */
@Controller
class ProtocolsPage {

    private static final String PROTOCOLS = "/api/followups/protocols";
    private static final String PROTOCOL = "/api/followups/protocols/{modality}";

    private final ClinicApi api;

    ProtocolsPage(ClinicApi api) {
        this.api = api;
    }

    /**
     * Row indexes come from the browser: only the rows a protocol can have are bound, so a hostile
     * "visits[99999].label" is left out instead of growing the list (or failing the request).
     */
    @InitBinder("protocolForm")
    void rows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(ProtocolForm.MAX_ROWS);
        List<String> fields = new ArrayList<>(List.of("version", "change"));
        for (int row = 0; row < ProtocolForm.MAX_ROWS; row++) {
            for (String field : List.of("label", "offsetDays", "windowBeforeDays", "windowAfterDays")) {
                fields.add("visits[" + row + "]." + field);
            }
        }
        binder.setAllowedFields(fields.toArray(String[]::new));
    }

    @GetMapping("/admin/protocols")
    String protocols(@RequestParam(required = false) String saved, Model model) {
        List<ProtocolView> protocols = api.getArray(PROTOCOLS).stream().map(ProtocolView::of).toList();
        model.addAttribute("protocols", protocols);
        protocols.stream().filter(protocol -> protocol.modality().equals(saved)).findFirst()
                .ifPresent(protocol -> model.addAttribute("saved", protocol));
        return "protocol/protocols";
    }

    @GetMapping("/admin/protocols/{modality}")
    String edit(@PathVariable String modality, Model model) {
        ProtocolView current = ProtocolView.of(api.getForUpdate(PROTOCOL, modality).body());
        model.addAttribute("protocolForm", ProtocolForm.of(current));
        return editPage(current, model);
    }

    @PostMapping("/admin/protocols/{modality}")
    String change(@PathVariable String modality, @ModelAttribute("protocolForm") ProtocolForm form,
            BindingResult typed, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (form.adds() || form.removes() >= 0) {
            rearrange(form, model);
            return refused(request, response, HttpStatus.OK, currentOf(modality), model);
        }
        ApiProblem notSendable = check(form, typed);
        if (notSendable != null) {
            model.addAttribute("problem", notSendable);
            return refused(request, response, HttpStatus.UNPROCESSABLE_CONTENT, currentOf(modality), model);
        }
        try {
            ApiAnswer saved = api.put(PROTOCOL, "\"" + form.getVersion() + "\"", form.body(), modality);
            String code = saved.body() == null ? modality : String.valueOf(saved.body().get("modality"));
            return Htmx.redirect(request, response, "/admin/protocols?saved=" + code);
        } catch (ApiProblem refused) {
            if (refused.status() == HttpStatus.PRECONDITION_FAILED.value()) {
                // someone saved meanwhile: show what it says now, keep the admin's rows; saving again replaces it
                ProtocolView now = currentOf(modality);
                form.setVersion(now.version());
                // the API's advice ("reload it") would lose the admin's rows: this page keeps them instead
                model.addAttribute("problem", new ApiProblem(refused.status(), Map.of("code", "stale-version",
                        "title", "Not saved: the protocol changed while you were editing",
                        "detail", "Compare your rows with version " + now.version() + " below; save again to replace"
                                + " it with yours, or leave this page to keep it.")));
                model.addAttribute("changedMeanwhile", now);
                return refused(request, response, HttpStatus.PRECONDITION_FAILED, now, model);
            }
            if (refused.status() == HttpStatus.BAD_REQUEST.value()
                    || refused.status() == HttpStatus.UNPROCESSABLE_CONTENT.value()) {
                model.addAttribute("problem", refused);
                return refused(request, response, HttpStatus.UNPROCESSABLE_CONTENT, currentOf(modality), model);
            }
            throw refused;
        }
    }

    private String editPage(ProtocolView current, Model model) {
        model.addAttribute("protocol", current);
        model.addAttribute("versions", api.getArray(PROTOCOL + "/versions", current.modality()).stream()
                .map(ProtocolView::of).toList());
        model.addAttribute("maxRows", ProtocolForm.MAX_ROWS);
        return "protocol/edit";
    }

    private String refused(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            ProtocolView current, Model model) {
        if (Htmx.isHtmx(request)) {
            model.addAttribute("protocol", current);
            model.addAttribute("maxRows", ProtocolForm.MAX_ROWS);
            return Htmx.refused(request, response, status, "protocol/edit", "form");
        }
        response.setStatus(status.value());
        return editPage(current, model);
    }

    private ProtocolView currentOf(String modality) {
        return ProtocolView.of(api.getForUpdate(PROTOCOL, modality).body());
    }

    /** "Add a visit" puts an empty row at the end (focused), "Remove" takes one out; nothing is sent yet. */
    private static void rearrange(ProtocolForm form, Model model) {
        List<ProtocolForm.VisitRow> rows = new ArrayList<>(form.getVisits().stream()
                .map(row -> row == null ? new ProtocolForm.VisitRow() : row).toList());
        int removed = form.removes();
        if (form.adds() && rows.size() < ProtocolForm.MAX_ROWS) {
            rows.add(new ProtocolForm.VisitRow());
            model.addAttribute("focusRow", rows.size() - 1);
        } else if (removed >= 0 && removed < rows.size()) {
            rows.remove(removed);
            model.addAttribute("focusAdd", true);
        }
        form.setVisits(rows);
        form.setChange(null);
    }

    /**
     * What the web app judges itself before sending, as binding errors: days that are no whole number (the API
     * would only see a gap) and a form that lost its version. Everything else, the API's rules decide. The
     * errors read like the API's (field named as sent), so the page shows both the same way.
     */
    private static ApiProblem check(ProtocolForm form, BindingResult typed) {
        if (form.getVersion() == null && !typed.hasFieldErrors("version")) {
            typed.rejectValue("version", "missing", "the form lost the version it was opened with: reload the page");
        }
        for (int i = 0; i < form.getVisits().size(); i++) {
            ProtocolForm.VisitRow row = form.getVisits().get(i);
            if (row != null) {
                wholeDays(typed, "visits[" + i + "].offsetDays", row.getOffsetDays());
                wholeDays(typed, "visits[" + i + "].windowBeforeDays", row.getWindowBeforeDays());
                wholeDays(typed, "visits[" + i + "].windowAfterDays", row.getWindowAfterDays());
            }
        }
        if (!typed.hasErrors()) {
            return null;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        typed.getFieldErrors().forEach(error -> errors.add(error(error.getField(),
                error.getField().equals("version") ? "the form lost the version it was opened with: reload the page"
                        : "wholeDays".equals(error.getCode()) ? error.getDefaultMessage() : "could not be read")));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("code", "validation");
        problem.put("title", "Please correct the protocol");
        problem.put("detail", "Nothing was saved.");
        problem.put("errors", errors);
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT.value(), problem);
    }

    private static void wholeDays(BindingResult typed, String field, String days) {
        if (!ProtocolForm.VisitRow.isWholeOrEmpty(days)) {
            typed.rejectValue(field, "wholeDays", "must be a whole number of days, e.g. 14");
        }
    }

    private static Map<String, Object> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
