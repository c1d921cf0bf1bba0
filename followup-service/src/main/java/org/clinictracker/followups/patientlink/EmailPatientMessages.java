package org.clinictracker.followups.patientlink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.core.io.Resource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Links by e-mail through the clinic's SMTP server: plain UTF-8 text from the clinic's template, which names the
 * patient's first name, the link, its last day and the clinic, and nothing clinical.
 */
class EmailPatientMessages implements PatientMessages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final JavaMailSender mail;
    private final InternetAddress from;
    private final String clinicName;
    private final Template template;

    EmailPatientMessages(JavaMailSender mail, PatientLinkProperties properties) {
        this.mail = mail;
        this.from = address(properties.mailFrom());
        this.clinicName = properties.clinicName();
        this.template = Template.read(properties.emailTemplate());
    }

    @Override
    public boolean canSend() {
        return true;
    }

    @Override
    public void send(PatientLinkMessage message) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(template.subject(message, clinicName));
            helper.setText(template.text(message, clinicName), false);
            mail.send(mime);
        } catch (MailException | MessagingException e) {
            throw new MessageNotSent("The SMTP server did not take the message", e);
        }
    }

    private static InternetAddress address(String mailFrom) {
        try {
            InternetAddress address = new InternetAddress(mailFrom, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("clinic.followups.patient-links.mail-from is not an e-mail address", e);
        }
    }

    /** The clinic's wording: first line {@code Subject: …}, the rest the text. Read once, at start-up. */
    record Template(String subject, String text) {

        static Template read(Resource resource) {
            String content;
            try {
                content = resource.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the patient link e-mail template " + resource, e);
            }
            int endOfFirstLine = content.indexOf('\n');
            String first = endOfFirstLine < 0 ? content : content.substring(0, endOfFirstLine);
            if (!first.startsWith("Subject:") || endOfFirstLine < 0 || !content.contains("{link}")) {
                throw new IllegalArgumentException("The patient link e-mail template " + resource
                        + " must start with a 'Subject: ' line and contain {link}");
            }
            return new Template(first.substring("Subject:".length()).strip(),
                    content.substring(endOfFirstLine + 1).stripLeading());
        }

        String subject(PatientLinkMessage message, String clinicName) {
            // one line, whatever a name holds
            return fill(subject, message, clinicName).replaceAll("\\p{Cntrl}", " ");
        }

        String text(PatientLinkMessage message, String clinicName) {
            return fill(text, message, clinicName);
        }

        private static String fill(String wording, PatientLinkMessage message, String clinicName) {
            String givenName = message.givenName() == null ? "" : message.givenName().replaceAll("\\p{Cntrl}", "").strip();
            if (givenName.isEmpty()) {
                wording = wording.replace(" {givenName}", ""); // "Hello {givenName}," → "Hello,"
            }
            return wording.replace("{givenName}", givenName)
                    .replace("{link}", message.link())
                    .replace("{expiresOn}", DAY.format(message.expiresOn()))
                    .replace("{clinicName}", clinicName);
        }
    }
}
