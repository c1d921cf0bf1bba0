package org.clinictracker.followups.patientlink;

import java.time.Instant;
import java.util.UUID;

import org.clinictracker.followups.patientlink.PatientLinkRepository.LinkRow;

/**
 * Where a visit's link stands, as the coordinator sees it. {@code sentTo} is masked ({@code h•••@example.org});
 * {@code link} is only in the answer that issued an in-clinic link: it is stored nowhere and never shown again.
 */
public record PatientLinkStatus(UUID visitId, Delivery delivery, State state, Instant issuedAt, String issuedBy,
        Instant expiresAt, Instant sentAt, String sentTo, Instant openedAt, Instant answeredAt, String link) {

    public enum State {
        /** Handed over in the clinic (or about to be e-mailed), not opened yet. */
        ISSUED,
        SENT,
        /** The SMTP server did not take the message; the link was revoked. */
        SEND_FAILED,
        OPENED,
        ANSWERED,
        EXPIRED,
        /** A newer link replaced it, or the clinic documented or cancelled the visit. */
        REPLACED
    }

    static PatientLinkStatus of(LinkRow link, Instant now, String shownLink) {
        return new PatientLinkStatus(link.visitId(), link.delivery(), stateOf(link, now), link.issuedAt(),
                link.issuedBy(), link.expiresAt(), link.sentAt(), link.sentTo(), link.openedAt(), link.answeredAt(),
                shownLink);
    }

    static State stateOf(LinkRow link, Instant now) {
        if (link.answeredAt() != null) {
            return State.ANSWERED;
        }
        if (link.sendFailedAt() != null) {
            return State.SEND_FAILED;
        }
        if (link.revokedAt() != null) {
            return State.REPLACED;
        }
        if (!now.isBefore(link.expiresAt())) {
            return State.EXPIRED;
        }
        if (link.openedAt() != null) {
            return State.OPENED;
        }
        return link.sentAt() != null ? State.SENT : State.ISSUED;
    }

    /** {@code hannah@example.org} → {@code h•••@example.org}: enough to recognise, not to write to. */
    static String masked(String email) {
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "•••";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "•••" + address.substring(at);
    }
}
