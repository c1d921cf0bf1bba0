package org.clinictracker.followups.patientlink;

import java.time.Clock;
import java.time.Instant;

import org.clinictracker.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one check both public calls (opening the page, sending the answers) make on a token. The refusals say no more
 * than needed, and nothing of a patient: whoever holds a guessed or old link learns only that it does not work.
 */
@Component
public class PatientLinkGate {

    static final String REFUSED_METRIC = "clinic.patient.links.refused";

    private final LinkTokens tokens;
    private final PatientLinkRepository links;
    private final Clock clock;
    private final MeterRegistry meters;

    PatientLinkGate(LinkTokens tokens, PatientLinkRepository links, Clock clock, MeterRegistry meters) {
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The link this token opens, its row locked until the caller's transaction ends (so it is answered once).
     * Unknown or malformed → 404 {@code patient-link-unknown}; answered, or its visit documented or cancelled by the
     * clinic → 410 {@code patient-link-used}; past its expiry, replaced by a newer link or revoked → 410
     * {@code patient-link-expired}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UsableLink usable(String token) {
        if (!tokens.wellFormed(token)) {
            throw refused("unknown");
        }
        LinkOnRecord link = links.lockByTokenHash(tokens.hash(token)).orElseThrow(() -> refused("unknown"));
        Instant now = clock.instant();
        if (link.answeredAt() != null || "COMPLETED".equals(link.visitState())) {
            throw refused("used");
        }
        if ("CANCELLED".equals(link.visitState())) {
            // nothing is left to answer; "used" rather than "expired" so nobody is asked for a new link
            throw refused("used");
        }
        if (link.revokedAt() != null || !now.isBefore(link.expiresAt()) || !"OPEN".equals(link.visitState())) {
            throw refused("expired");
        }
        return new UsableLink(link.linkId(), link.visitId(), link.patientId(), link.givenName(), link.dueOn(),
                link.expiresAt(), link.openedAt());
    }

    private ProblemException refused(String reason) {
        Counter.builder(REFUSED_METRIC).description("Patient link lookups refused, by reason")
                .tag("reason", reason).register(meters).increment();
        return switch (reason) {
            case "unknown" -> new ProblemException(HttpStatus.NOT_FOUND, "patient-link-unknown", "Link not found",
                    "This link is not valid. Check that you copied the whole link, or ask the clinic for a new one.");
            case "used" -> new ProblemException(HttpStatus.GONE, "patient-link-used", "Already answered",
                    "The answers for this visit are already with the clinic. Thank you; nothing more is needed.");
            default -> new ProblemException(HttpStatus.GONE, "patient-link-expired", "Link expired",
                    "This link has expired or was replaced by a newer one. Ask the clinic for a new link if needed.");
        };
    }
}
