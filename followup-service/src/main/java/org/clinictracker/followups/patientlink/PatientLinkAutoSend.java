package org.clinictracker.followups.patientlink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the clinic turns it on ({@code clinic.followups.patient-links.auto-send}), e-mails each due visit's link
 * without a coordinator: once per visit (a visit that ever had a link is left to the coordinator), in batches
 * locked with SKIP LOCKED, so two instances running it at once never send one visit twice.
 */
@Component
@ConditionalOnProperty(name = "clinic.followups.patient-links.auto-send", havingValue = "true")
class PatientLinkAutoSend {

    private static final Logger log = LoggerFactory.getLogger(PatientLinkAutoSend.class);

    private final PatientLinks links;
    private final PatientLinkProperties properties;

    PatientLinkAutoSend(PatientLinks links, PatientLinkProperties properties, PatientMessages messages) {
        this.links = links;
        this.properties = properties;
        if (!messages.canSend()) {
            log.warn("Patient links are to be sent automatically, but no SMTP server is configured (spring.mail.host)");
        }
    }

    @Scheduled(fixedDelayString = "${clinic.followups.patient-links.auto-send-interval:15m}",
            initialDelayString = "${clinic.followups.patient-links.auto-send-initial-delay:1m}")
    void onSchedule() {
        int issued = links.sendDue(properties.autoSendBatch());
        if (issued > 0) {
            log.info("Sent {} patient links automatically", issued);
        }
    }
}
