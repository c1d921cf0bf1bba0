package org.clinictracker.followups.patientlink;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.followups.outcome.OutcomeRecorded;
import org.clinictracker.followups.patientlink.LinkTokens.IssuedToken;
import org.clinictracker.followups.patientlink.PatientLinkRepository.VisitForLink;
import org.clinictracker.followups.patientlink.PatientMessages.MessageNotSent;
import org.clinictracker.followups.plan.ClinicCalendar;
import org.clinictracker.followups.plan.PlanAmended;
import org.clinictracker.followups.worklist.VisitRescheduled;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Links that let a patient answer a visit's questions themselves: issued for an open visit whose window has
 * started, e-mailed or handed over in the clinic, valid until the end of the visit's last day, one per visit at a
 * time. E-mail goes out only after the link is committed (no transaction waits on an SMTP server); a message that
 * does not leave revokes its link, so no usable link exists that the patient never got.
 */
@Service
public class PatientLinks {

    private static final Logger log = LoggerFactory.getLogger(PatientLinks.class);

    private final PatientLinkRepository links;
    private final PatientLinkGate gate;
    private final LinkTokens tokens;
    private final PatientMessages messages;
    private final PatientLinkProperties properties;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    PatientLinks(PatientLinkRepository links, PatientLinkGate gate, LinkTokens tokens, PatientMessages messages,
            PatientLinkProperties properties, ClinicCalendar calendar, AuditTrail audit,
            PlatformTransactionManager transactionManager) {
        this.links = links;
        this.gate = gate;
        this.tokens = tokens;
        this.messages = messages;
        this.properties = properties;
        this.calendar = calendar;
        this.audit = audit;
        // its own transactions even inside a caller's (an Idempotency-Key request runs in one): the link must be
        // committed before its message goes, and the send recorded whatever the caller's transaction does
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A link made and committed, not yet delivered; {@code message} is null for a link handed over in the clinic. */
    private record Issued(UUID linkId, UUID visitId, UUID patientId, String link, PatientLinkMessage message) {
    }

    /**
     * Issues a new link for the visit, replacing its earlier unanswered one. In the clinic: the answer carries the
     * link, once. By e-mail: answered after the SMTP server took the message, or 503 {@code message-not-sent}.
     */
    public PatientLinkStatus issue(UUID visitId, Delivery delivery, Clinician issuer) {
        Issued issued = transaction.execute(status -> {
            VisitForLink visit = links.lockVisit(visitId)
                    .orElseThrow(() -> ProblemException.notFound("Follow-up visit", visitId));
            checkIssuable(visit);
            if (delivery == Delivery.EMAIL) {
                checkCanEmail(visit);
            }
            return create(visit, delivery, issuer);
        });
        if (issued.message() == null) {
            return statusAfterIssue(issued, issued.link());
        }
        if (!deliver(issued, issuer)) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "message-not-sent", "E-mail not sent",
                    "The clinic's mail server did not take the message; the link was withdrawn. Try again later, "
                            + "or hand the patient a link in the clinic.");
        }
        return statusAfterIssue(issued, null);
    }

    /** The visit's current link (never the link itself); 404 when it never had one. The read is audited. */
    @Transactional
    public PatientLinkStatus status(UUID visitId) {
        var link = links.current(visitId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "patient-link-not-found", "No patient link", "No link was issued for this visit."));
        audit.record(link.patientId(), "PATIENT_LINK_READ", "follow-up visit " + visitId);
        return PatientLinkStatus.of(link, calendar.now(), null);
    }

    /**
     * The patient opens their link: what the page shows (first name, the visit's day). The first opening by a
     * person ({@code viewed}) is recorded on the link; a fetch nobody saw (a mail scanner, a link preview) is not, so
     * "opened" on the worklist means a person opened it. Every fetch is audited, the patient's side as the actor.
     */
    @Transactional
    public PatientAnswerPage open(String token, boolean viewed) {
        UsableLink link = gate.usable(token);
        if (!viewed) {
            // a mail scanner or a link preview fetched it: audited, but the coordinator is not told "opened"
            audit.recordAs(Clinician.PATIENT, link.patientId(), "PATIENT_LINK_PREVIEWED",
                    "follow-up visit " + link.visitId());
            return new PatientAnswerPage(link.givenName(), link.dueOn(), link.expiresAt());
        }
        if (link.openedAt() == null) {
            links.markOpened(link.linkId(), calendar.now());
        }
        audit.recordAs(Clinician.PATIENT, link.patientId(), "PATIENT_LINK_OPENED", "follow-up visit " + link.visitId());
        return new PatientAnswerPage(link.givenName(), link.dueOn(), link.expiresAt());
    }

    /**
     * The automatic sender's run: e-mails a link for each open visit whose window has started and that never had
     * one (patients with an address, not lost to follow-up), in batches, each committed before its messages go.
     * The number of links issued.
     */
    public int sendDue(int batchSize) {
        if (!messages.canSend()) {
            return 0;
        }
        int total = 0;
        List<Issued> batch;
        do {
            LocalDate today = calendar.today();
            batch = transaction.execute(status -> links.lockDueForAutoSend(today, batchSize).stream()
                    // The query's NOT EXISTS saw the links of its snapshot; a sender that locked the visit first may
                    // have committed one since, which PostgreSQL's re-check of a locked row does not look at: ask
                    // again now that the visit is locked.
                    .filter(visit -> !links.anyFor(visit.visitId()))
                    .map(visit -> create(visit, Delivery.EMAIL, Clinician.SYSTEM))
                    .toList());
            for (Issued issued : batch) {
                deliver(issued, Clinician.SYSTEM);
            }
            total += batch.size();
        } while (batch.size() == batchSize);
        return total;
    }

    /** The clinic documented the visit: its unanswered link has nothing left to ask. */
    @EventListener
    void onOutcomeRecorded(OutcomeRecorded recorded) {
        links.revokeUnanswered(recorded.visitId(), calendar.now());
    }

    /** The visit moved to another day: a link made for its old window goes (the coordinator sends a new one). */
    @EventListener
    void onVisitRescheduled(VisitRescheduled rescheduled) {
        links.revokeUnanswered(rescheduled.visitId(), calendar.now());
    }

    /** An amendment or repeat treatment cancelled some of the plan's visits: their links go with them. */
    @EventListener
    void onPlanAmended(PlanAmended amended) {
        links.revokeUnansweredOfClosedVisits(amended.planId(), calendar.now());
    }

    private void checkIssuable(VisitForLink visit) {
        LocalDate today = calendar.today();
        switch (visit.state()) {
            case "COMPLETED" -> throw new ProblemException(HttpStatus.CONFLICT, "outcome-already-recorded",
                    "Outcome already recorded", "This visit's outcome is already recorded; no link is needed.");
            case "CANCELLED" -> throw new ProblemException(HttpStatus.CONFLICT, "visit-cancelled", "Visit cancelled",
                    "This visit was cancelled and takes no answers.");
            case "MISSED" -> throw visitMissed(visit);
            default -> {
                if (today.isBefore(visit.windowStart())) {
                    throw new ProblemException(HttpStatus.CONFLICT, "visit-not-open", "Visit not open yet",
                            "This visit's window opens on " + visit.windowStart() + "; a link can be issued from then.")
                            .with("windowStart", visit.windowStart().toString());
                }
                if (today.isAfter(visit.lastDay())) {
                    // not marked missed yet by the job, but a link would expire before anyone could open it
                    throw visitMissed(visit);
                }
            }
        }
    }

    private static ProblemException visitMissed(VisitForLink visit) {
        return new ProblemException(HttpStatus.CONFLICT, "visit-missed", "Visit missed",
                "This visit's last day was " + visit.lastDay() + "; a patient link is no longer possible. "
                        + "Its outcome can still be documented late.");
    }

    private void checkCanEmail(VisitForLink visit) {
        if (!messages.canSend()) {
            throw new ProblemException(HttpStatus.CONFLICT, "email-not-configured", "E-mail not configured",
                    "The clinic has no mail server configured; hand the patient a link in the clinic instead.");
        }
        if (visit.email() == null || visit.email().isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "no-email-on-file", "No e-mail on file",
                    "The patient has no e-mail address on file; add one at the front desk or hand the patient a link "
                            + "in the clinic.");
        }
        if (!deliverable(visit.email())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "no-email-on-file", "No usable e-mail on file",
                    "The patient's e-mail address on file is not a valid address; correct it at the front desk or "
                            + "hand the patient a link in the clinic.");
        }
    }

    /** One plain address (no list, no display name that could smuggle in another recipient). */
    private static boolean deliverable(String email) {
        try {
            InternetAddress[] addresses = InternetAddress.parse(email.strip(), true);
            if (addresses.length != 1 || addresses[0].getPersonal() != null) {
                return false;
            }
            addresses[0].validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /**
     * The current link of each of these visits that has one, by visit (for the worklist; not audited here: the
     * caller's read of the visits is).
     */
    public Map<UUID, PatientLinkStatus> currentOf(Collection<UUID> visitIds) {
        Instant now = calendar.now();
        Map<UUID, PatientLinkStatus> current = new HashMap<>();
        links.currentOf(List.copyOf(visitIds)).forEach(link -> current.put(link.visitId(),
                PatientLinkStatus.of(link, now, null)));
        return current;
    }

    /** In the caller's transaction: replaces the visit's unanswered link with a new one. */
    private Issued create(VisitForLink visit, Delivery delivery, Clinician issuer) {
        Instant now = calendar.now();
        links.revokeUnanswered(visit.visitId(), now);
        IssuedToken token = tokens.issue();
        UUID linkId = UUID.randomUUID();
        Instant expiresAt = calendar.endOf(visit.lastDay());
        String sentTo = delivery == Delivery.EMAIL ? PatientLinkStatus.masked(visit.email()) : null;
        links.insert(linkId, visit.visitId(), visit.patientId(), token.hash(), delivery, issuer.username(), now,
                expiresAt, sentTo);
        audit.recordAs(issuer, visit.patientId(), "PATIENT_LINK_ISSUED",
                "follow-up visit " + visit.visitId() + " (" + delivery + ")");
        String link = properties.linkFor(token.token());
        PatientLinkMessage message = delivery == Delivery.EMAIL
                ? new PatientLinkMessage(visit.email().strip(), visit.givenName(), link, visit.lastDay())
                : null;
        return new Issued(linkId, visit.visitId(), visit.patientId(), link, message);
    }

    /** Sends a committed link's message and records the outcome of the send on it; false when it did not leave. */
    private boolean deliver(Issued issued, Clinician issuer) {
        boolean sent = sendMessage(issued);
        Instant at = calendar.now();
        transaction.executeWithoutResult(status -> {
            if (sent) {
                links.markSent(issued.linkId(), at);
                audit.recordAs(issuer, issued.patientId(), "PATIENT_LINK_SENT", "follow-up visit " + issued.visitId());
            } else {
                links.markSendFailed(issued.linkId(), at);
                audit.recordAs(issuer, issued.patientId(), "PATIENT_LINK_NOT_SENT",
                        "follow-up visit " + issued.visitId());
            }
        });
        return sent;
    }

    private boolean sendMessage(Issued issued) {
        try {
            messages.send(issued.message());
            return true;
        } catch (RuntimeException e) {
            // the exception's message can quote the address: only its kind is logged
            Throwable cause = e instanceof MessageNotSent && e.getCause() != null ? e.getCause() : e;
            log.warn("A patient link for visit {} was not sent ({})", issued.visitId(), cause.getClass().getSimpleName());
            return false;
        }
    }

    private PatientLinkStatus statusAfterIssue(Issued issued, String shownLink) {
        var link = links.current(issued.visitId()).filter(row -> row.id().equals(issued.linkId()))
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "patient-link-replaced",
                        "Link replaced", "Another link was issued for this visit at the same moment."));
        return PatientLinkStatus.of(link, calendar.now(), shownLink);
    }
}
