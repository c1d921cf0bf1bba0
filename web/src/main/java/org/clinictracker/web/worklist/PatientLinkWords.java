package org.clinictracker.web.worklist;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Where a visit's patient link stands, in the words of a worklist row ({@code ${@patientLinks.badge(v['patientLink'])}}):
 * "Questions e-mailed 3 Dec", "Opened 4 Dec", "Answered by the patient 4 Dec", "E-mail could not be sent",
 * "Link expired 10 Dec". The API's {@code patientLink} (or a link's status) carries the state and its times.
 */
@Component("patientLinks")
public class PatientLinkWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final ClinicCalendar calendar;

    PatientLinkWords(ClinicCalendar calendar) {
        this.calendar = calendar;
    }

    /** The words and the badge's look; the colour only repeats what the words say. */
    public record Badge(String words, String css) {
    }

    /** The link's badge; null when there is no link (or only a replaced one) and so nothing to say. */
    public Badge badge(Object link) {
        if (!(link instanceof Map<?, ?> state) || state.get("state") == null) {
            return null;
        }
        return switch (String.valueOf(state.get("state"))) {
            case "ISSUED" -> new Badge("Questions ready on a tablet", "badge");
            case "SENT" -> new Badge(withDay("Questions e-mailed", state.get("sentAt")), "badge");
            case "SEND_FAILED" -> new Badge("E-mail could not be sent", "badge badge-error");
            case "OPENED" -> new Badge(withDay("Opened", state.get("openedAt")), "badge");
            case "ANSWERED" -> new Badge(withDay("Answered by the patient", state.get("answeredAt")), "badge badge-ok");
            // the link works to the end of the visit's last day: the day it expired is the one before that instant;
            // one withdrawn before then (replaced, or the clinic documented the visit) did not expire on that day
            case "EXPIRED" -> expired(state.get("expiresAt"))
                    ? new Badge(withDay("Link expired", lastMoment(state.get("expiresAt"))), "badge badge-warn")
                    : new Badge("Link withdrawn", "badge badge-warn");
            case "REPLACED" -> null;
            default -> new Badge("Questions link: " + state.get("state"), "badge");
        };
    }

    /** "3 Dec" for an instant in the clinic's zone; "" when there is none. */
    public String day(Object instant) {
        Instant at = instant(instant);
        return at == null ? "" : DAY.format(at.atZone(calendar.zone()));
    }

    /** The last day a link works ("until 10 Dec") from its expiry instant (the end of that day). */
    public String lastDay(Object expiresAt) {
        return day(lastMoment(expiresAt));
    }

    private String withDay(String words, Object instant) {
        String day = day(instant);
        return day.isEmpty() ? words : words + " " + day;
    }

    private static boolean expired(Object expiresAt) {
        Instant at = instant(expiresAt);
        return at == null || !Instant.now().isBefore(at);
    }

    private static Object lastMoment(Object expiresAt) {
        Instant at = instant(expiresAt);
        return at == null ? null : at.minusNanos(1);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant at) {
            return at;
        }
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }
}
