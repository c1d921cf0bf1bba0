package org.clinictracker.web.recording;

import org.clinictracker.web.adverse.AdverseEventFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pieces of the procedure form that change with what is chosen, drawn on the server and swapped by htmx: target
 * rows added and removed, a target's level select (only for a nerve that has levels), freeze cycles, adverse events.
 * Each gets the whole form as it stands, so what was typed elsewhere is kept, and answers the draft's warnings too.
 */
@Controller
class ProcedureFormPieces {

    /** As many rows as the API takes. */
    static final int MOST_TARGETS = 12;
    static final int MOST_CYCLES = 10;
    static final int MOST_ADVERSE_EVENTS = 20;

    private final ProcedureFormView view;

    ProcedureFormPieces(ProcedureFormView view) {
        this.view = view;
    }

    @PostMapping("/procedures/form/targets")
    String targets(@ModelAttribute("form") ProcedureForm form, @RequestParam(defaultValue = "false") boolean add,
            @RequestParam(required = false) Integer remove, Model model) {
        if (add && form.getTargets().size() < MOST_TARGETS) {
            form.getTargets().add(new ProcedureForm.Target());
        }
        if (remove != null && remove >= 0 && remove < form.getTargets().size() && form.getTargets().size() > 1) {
            form.getTargets().remove((int) remove);
        }
        return view.piece(model, form, "targets");
    }

    @PostMapping("/procedures/form/target")
    String targetDetails(@ModelAttribute("form") ProcedureForm form, @RequestParam int row, Model model) {
        while (form.getTargets().size() <= row && row < MOST_TARGETS) {
            form.getTargets().add(new ProcedureForm.Target());
        }
        model.addAttribute("row", Math.min(Math.max(row, 0), form.getTargets().size() - 1));
        return view.piece(model, form, "target-details");
    }

    @PostMapping("/procedures/form/cycles")
    String cycles(@ModelAttribute("form") ProcedureForm form, @RequestParam(defaultValue = "false") boolean add,
            @RequestParam(required = false) Integer remove, Model model) {
        var cycles = form.getCryo().getCycles();
        if (add && cycles.size() < MOST_CYCLES) {
            cycles.add(new ProcedureForm.Cycle());
        }
        if (remove != null && remove >= 0 && remove < cycles.size() && cycles.size() > 1) {
            cycles.remove((int) remove);
        }
        return view.piece(model, form, "cycles");
    }

    @PostMapping("/procedures/form/adverse-events")
    String adverseEvents(@ModelAttribute("form") ProcedureForm form, @RequestParam(defaultValue = "false") boolean add,
            @RequestParam(required = false) Integer remove, Model model) {
        var events = form.getAdverseEvents();
        if (add && events.size() < MOST_ADVERSE_EVENTS) {
            events.add(new AdverseEventFields());
        }
        if (remove != null && remove >= 0 && remove < events.size()) {
            events.remove((int) remove);
        }
        return view.piece(model, form, "adverse-events");
    }

    /** The draft's warnings alone, while a temperature, a duration, a nerve or the modality is changed. */
    @PostMapping("/procedures/warnings")
    String warnings(@ModelAttribute("form") ProcedureForm form, Model model) {
        return view.piece(model, form, "none");
    }
}
