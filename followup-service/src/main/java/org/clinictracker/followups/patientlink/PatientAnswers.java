package org.clinictracker.followups.patientlink;

import java.time.LocalDate;

import org.clinictracker.followups.outcome.FollowUpOutcomes;
import org.clinictracker.followups.outcome.OutcomeReport;
import org.clinictracker.followups.outcome.Reporter;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.platform.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's answers, sent through their link, become the visit's outcome: in one transaction the link is
 * checked and locked, used up, and the outcome recorded through the coordinator's rules as patient-reported. A
 * replay or a second submit waits for the lock and finds the link answered (410); any refusal stores nothing.
 */
@Service
public class PatientAnswers {

    private final PatientLinkGate gate;
    private final PatientLinkRepository links;
    private final LinkTokens tokens;
    private final PatientAnswersLocks locks;
    private final FollowUpOutcomes outcomes;
    private final ClinicCalendar calendar;

    PatientAnswers(PatientLinkGate gate, PatientLinkRepository links, LinkTokens tokens, PatientAnswersLocks locks,
            FollowUpOutcomes outcomes, ClinicCalendar calendar) {
        this.gate = gate;
        this.links = links;
        this.tokens = tokens;
        this.locks = locks;
        this.outcomes = outcomes;
        this.calendar = calendar;
    }

    /**
     * What the patient is told back: the day their answers count for, and the first name the link was made for (the
     * page thanks them by it; a name it carried in its own form could be anyone's words).
     */
    public record Answered(LocalDate answeredOn, String givenName) {
    }

    @Transactional
    public Answered submit(PatientAnswerSubmission answers) {
        if (!answers.unknownFieldErrors().isEmpty()) {
            throw ProblemException.invalidFields(answers.unknownFieldErrors());
        }
        if (tokens.wellFormed(answers.token())) {
            locks.lockVisitOf(tokens.hash(answers.token()));
        }
        UsableLink link = gate.usable(answers.token());
        LocalDate today = calendar.today();
        OutcomeReport report = PatientAnswersOutcome.report(answers, today);
        // used up before the outcome is announced, so the link's own listeners see it answered, not left over
        links.markAnswered(link.linkId(), calendar.now());
        outcomes.record(link.visitId(), report, Reporter.patient());
        return new Answered(today, link.givenName());
    }
}
