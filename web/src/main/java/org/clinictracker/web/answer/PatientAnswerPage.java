package org.clinictracker.web.answer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.platform.input.StorableText;
import org.clinictracker.web.api.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.client.RestClientException;

/**
 * The patient's own follow-up questions, opened from the link the clinic sent ({@code /answer?token=…}): no account,
 * no session, no script. The link's token travels in the query once and then in the form's body. Every answer the
 * page gives is one of: the questions (200, or 422 with messages beside the answers, or 503 with the answers kept
 * when followup-service could not take them), the thanks (200), or a plain refusal of the link (404, 410, 503).
 */
@Controller
@RequestMapping("/answer")
class PatientAnswerPage {

    private static final Logger log = LoggerFactory.getLogger(PatientAnswerPage.class);
    private static final DateTimeFormatter VISIT_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final int LONGEST_GIVEN_NAME = 100;

    private final PatientAnswersClient followups;

    PatientAnswerPage(PatientAnswersClient followups) {
        this.followups = followups;
    }

    @GetMapping
    String open(HttpServletRequest request, HttpServletResponse response, Model model) {
        String[] tokens = request.getParameterValues("token");
        if (tokens == null || tokens.length != 1 || !LinkToken.isWellFormed(tokens[0])) {
            return refused(LinkRefusal.UNKNOWN, response, model);
        }
        LinkOpened link;
        try {
            link = followups.open(tokens[0], openedByAPerson(request));
        } catch (ApiProblem problem) {
            LinkRefusal refusal = LinkRefusal.of(problem);
            if (refusal == null) {
                refusal = problem.status() >= 500 || problem.isTemporary() ? LinkRefusal.AWAY : LinkRefusal.UNKNOWN;
            }
            return refused(refusal, response, model);
        } catch (RestClientException noAnswer) {
            log.warn("followup-service did not open a patient link: {}", noAnswer.getMessage());
            return refused(LinkRefusal.AWAY, response, model);
        }
        if (link == null) {
            return refused(LinkRefusal.AWAY, response, model);
        }
        return questions(AnswerForm.opened(tokens[0], link), link.givenName(), Map.of(), false, HttpStatus.OK, response,
                model);
    }

    @PostMapping
    String submit(HttpServletRequest request, HttpServletResponse response, Model model) {
        AnswerForm form = AnswerForm.read(request.getParameterMap());
        if (form.sentTwice().contains("token") || !LinkToken.isWellFormed(form.value("token"))) {
            return refused(LinkRefusal.UNKNOWN, response, model);
        }
        AnswerFormCheck.Checked checked = AnswerFormCheck.check(form);
        if (!checked.passed()) {
            return questions(form, null, checked.errors(), false, HttpStatus.UNPROCESSABLE_CONTENT, response, model);
        }
        PatientAnswersClient.Answered answered;
        try {
            answered = followups.submit(checked.answers());
        } catch (ApiProblem problem) {
            LinkRefusal refusal = LinkRefusal.of(problem);
            if (refusal != null) {
                return refused(refusal, response, model);
            }
            if (problem.status() == 400 || problem.status() == 422) {
                return questions(form, null, byQuestion(problem), false, HttpStatus.UNPROCESSABLE_CONTENT, response,
                        model);
            }
            log.warn("followup-service did not take a patient's answers: {}", problem.getMessage());
            return questions(form, null, Map.of(), true, HttpStatus.SERVICE_UNAVAILABLE, response, model);
        } catch (RestClientException noAnswer) {
            log.warn("followup-service did not take a patient's answers: {}", noAnswer.getMessage());
            return questions(form, null, Map.of(), true, HttpStatus.SERVICE_UNAVAILABLE, response, model);
        }
        model.addAttribute("givenName", shownName(answered.givenName()));
        return "answer/thanks";
    }

    /**
     * The questions, greeting the patient by {@code givenName} only as followup-service gave it for the link: a form
     * sent back again is greeted without a name, since anyone can post any words to this page.
     */
    private String questions(AnswerForm form, String givenName, Map<String, String> errors, boolean notTaken,
            HttpStatus status, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notTaken", notTaken);
        model.addAttribute("givenName", shownName(givenName));
        model.addAttribute("visitDay", visitDay(form));
        return "answer/questions";
    }

    /**
     * A person's browser following the link sends {@code Sec-Fetch-Mode: navigate} with a GET; a mail scanner or a
     * link preview fetching it does not (nor does a HEAD), and must not show the coordinator "opened".
     */
    private static boolean openedByAPerson(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "navigate".equals(request.getHeader("Sec-Fetch-Mode"));
    }

    private static String refused(LinkRefusal refusal, HttpServletResponse response, Model model) {
        response.setStatus(refusal.status().value());
        model.addAttribute("refusal", refusal);
        return "answer/refused";
    }

    /**
     * followup-service's messages by the page's questions: it names the side-effect answers inside
     * {@code sideEffects} ({@code sideEffects.worst}, {@code sideEffects.types[0]}); anything the page does not ask
     * is said at the top.
     */
    private static Map<String, String> byQuestion(ApiProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> {
            String question = field.startsWith("sideEffects.") ? field.substring("sideEffects.".length()) : field;
            if (question.startsWith("types")) {
                question = "sideEffects";
            }
            if (!AnswerFormCheck.PAGE_ORDER.contains(question)) {
                question = "answers";
            }
            errors.merge(question, message, (first, next) -> first + "; " + next);
        });
        if (errors.isEmpty()) {
            errors.put("answers", "The clinic could not take some of these answers. Please check them and send them again.");
        }
        return AnswerFormCheck.inPageOrder(errors);
    }

    /** The first name followup-service gave for the link, only if it is one a page can show. */
    private static String shownName(String givenName) {
        String name = givenName == null ? "" : givenName.strip();
        if (name.isEmpty() || name.length() > LONGEST_GIVEN_NAME || StorableText.problem(name, false).isPresent()) {
            return null;
        }
        return name;
    }

    private static String visitDay(AnswerForm form) {
        try {
            return VISIT_DAY.format(LocalDate.parse(form.value("visitDate")));
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
