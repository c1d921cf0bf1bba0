package org.clinictracker.web.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One entry of a patient's merged audit trail, as the page shows it (public: the template reads it). */
public record AuditLine(String id, Instant at, String actor, String role, String action, String resource,
        AuditSource source, String requestId) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** When, to the second, in UTC as the services record it. */
    public String when() {
        return WHEN.format(at);
    }

    /** What was done, in words ("Opened the chart"), not the service's code. */
    public String what() {
        return AuditActions.inWords(action);
    }

    /** The role(s) in words ("Front desk"). */
    public String roleInWords() {
        return AuditActions.rolesInWords(role);
    }

    /** Which service kept the entry. */
    public String service() {
        return source.label();
    }
}
