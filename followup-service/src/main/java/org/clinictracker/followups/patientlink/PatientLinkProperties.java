package org.clinictracker.followups.patientlink;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Patient links ({@code clinic.followups.patient-links}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param pageUrl          the public answer page; the link is this plus {@code ?token=…}
 * @param mailFrom         the sender of the e-mails, e.g. {@code Clinic follow-up <followup@clinic.example>}
 * @param clinicName       how the e-mail names the clinic
 * @param emailTemplate    first line {@code Subject: …}, then the text; {givenName} {link} {expiresOn} {clinicName}
 * @param autoSend         whether links go out by e-mail on their own once a visit's window starts
 * @param autoSendInterval how often the automatic sender looks for visits that are due a link
 * @param autoSendBatch    how many visits one automatic-send transaction takes
 */
@ConfigurationProperties("clinic.followups.patient-links")
public record PatientLinkProperties(
        @DefaultValue("http://localhost:8080/answer") URI pageUrl,
        @DefaultValue("Clinic follow-up <followup@clinic.example>") String mailFrom,
        @DefaultValue("the clinic") String clinicName,
        @DefaultValue("classpath:patient-link-email.txt") Resource emailTemplate,
        @DefaultValue("false") boolean autoSend,
        @DefaultValue("15m") Duration autoSendInterval,
        @DefaultValue("50") int autoSendBatch) {

    public PatientLinkProperties {
        if (pageUrl.getQuery() != null || pageUrl.getFragment() != null) {
            throw new IllegalArgumentException("clinic.followups.patient-links.page-url takes no query or fragment");
        }
        if (autoSendBatch < 1) {
            throw new IllegalArgumentException("clinic.followups.patient-links.auto-send-batch must be at least 1");
        }
    }

    /** The link a patient opens: the token in the query, never in the path (access logs record paths). */
    String linkFor(String token) {
        return pageUrl + "?token=" + token;
    }
}
