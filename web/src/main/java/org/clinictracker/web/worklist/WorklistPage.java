package org.clinictracker.web.worklist;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.api.ClinicApi;
import org.clinictracker.web.layout.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator's day: the follow-up visits of one tab (today, this week, overdue, missed) or the responders
 * whose relief is expected to end soon, 20 rows a page, most urgent first as the API orders them. "Only mine"
 * narrows the visits to those assigned to the signed-in coordinator; {@code patientId} to one patient's (the link
 * from the patient's timeline).
 */
@Controller
class WorklistPage {

    static final int PAGE_SIZE = 20;
    /** How far ahead "expected end of relief soon" looks: a month, time enough to book a review. */
    static final int RELIEF_ENDING_WITHIN_DAYS = 30;

    private final ClinicApi api;
    private final PatientNames names;
    private final PatientAnswers answers;
    private final ClinicCalendar calendar;

    WorklistPage(ClinicApi api, PatientNames names, PatientAnswers answers, ClinicCalendar calendar) {
        this.api = api;
        this.names = names;
        this.answers = answers;
        this.calendar = calendar;
    }

    @GetMapping("/worklist")
    String worklist(@RequestParam(required = false) String tab, @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) UUID patientId,
            @ModelAttribute(name = "user", binding = false) SignedInUser user,
            Model model) {
        WorklistTab shown = WorklistTab.of(tab);
        int pageNumber = ApiPages.number(page);
        Map<String, Object> query = new LinkedHashMap<>();
        Map<String, Object> answer;
        if (shown.listsVisits()) {
            query.put("view", shown.view());
            query.put("assignee", mine ? user.username() : null);
            query.put("patientId", patientId);
            query.put("page", pageNumber);
            query.put("size", PAGE_SIZE);
            answer = api.get("/api/followups", query);
        } else {
            query.put("withinDays", RELIEF_ENDING_WITHIN_DAYS);
            query.put("page", pageNumber);
            query.put("size", PAGE_SIZE);
            answer = api.get("/api/followups/relief-ending", query);
        }
        List<Map<String, Object>> rows = ApiPages.rows(answer);
        names.fill(rows);
        if (shown.showsPatientAnswers()) {
            answers.fill(rows);
        }
        model.addAttribute("tabs", WorklistTab.values());
        model.addAttribute("today", LocalDate.now(calendar.zone()).toString()); // ISO: compared with a row's lastDay
        model.addAttribute("tab", shown);
        model.addAttribute("mine", mine && shown.listsVisits());
        model.addAttribute("patientId", shown.listsVisits() ? patientId : null);
        model.addAttribute("links", new WorklistLinks(shown, mine && shown.listsVisits(),
                shown.listsVisits() ? patientId : null, pageNumber));
        model.addAttribute("rows", rows);
        model.addAttribute("page", answer.getOrDefault("page", Map.of()));
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("reliefWithinDays", RELIEF_ENDING_WITHIN_DAYS);
        return "worklist/worklist";
    }
}
