package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import org.clinictracker.systemtests.ClinicMailServer.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The system tests' SMTP server takes a message as a clinic's would take followup-service's (plain text, UTF-8,
 * over SMTP from another client) and gives the link back whole, however the text was encoded on the wire.
 */
class ClinicMailServerTest {

    private static final String LINK = "http://localhost:24680/answer?token=" + "Ab-_9".repeat(8) + "xyz";
    private ClinicMailServer server;

    @BeforeEach
    void start() {
        server = ClinicMailServer.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void a_message_sent_over_smtp_is_read_back_with_its_link_decoded() throws MessagingException {
        // non-ASCII text makes Jakarta Mail encode the body (quoted-printable), which breaks long lines with "="
        send("hannah@example.org", "Ihre Fragen zur Nachsorge", """
                Hallo Hannah, grüß Gott!

                Bitte beantworten Sie die Fragen zu Ihrem Termin: %s

                Der Link gilt bis zum 10. Dezember. Ihre Schmerzambulanz Nordstadt — ein langer Satz, damit die Zeile umbricht.
                """.formatted(LINK));

        Mail mail = server.awaitMessageTo("Hannah@Example.org", Duration.ofSeconds(10));
        assertThat(mail.from()).contains("followup@northside-pain.example");
        assertThat(mail.subject()).isEqualTo("Ihre Fragen zur Nachsorge");
        assertThat(mail.text()).contains("grüß Gott");
        assertThat(mail.link()).isEqualTo(LINK);
        assertThat(server.messagesTo("someone.else@example.org")).isEmpty();
    }

    @Test
    void a_message_without_a_link_says_so() throws MessagingException {
        send("olga@example.org", "Hello", "No link here.");

        Mail mail = server.awaitMessageTo("olga@example.org", Duration.ofSeconds(10));
        assertThatThrownBy(mail::link).hasMessageContaining("No patient link").hasMessageContaining("No link here.");
    }

    private void send(String to, String subject, String text) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("followup@northside-pain.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }
}
