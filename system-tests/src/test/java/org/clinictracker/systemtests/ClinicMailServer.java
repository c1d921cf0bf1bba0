package org.clinictracker.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The clinic's SMTP server for the system tests: a real one (GreenMail) in the test JVM on a free port, to which
 * followup-service sends the patients' links as it would to a clinic's server ({@code SPRING_MAIL_HOST},
 * {@code SPRING_MAIL_PORT}). It accepts every message, with or without credentials, and keeps them in memory.
 */
public final class ClinicMailServer {

    /** A patient link in a message's text: the answer page with its token in the query. */
    private static final Pattern LINK = Pattern.compile("https?://\\S+/answer\\?token=[A-Za-z0-9_-]+");

    private final GreenMail greenMail;
    private final int port;

    private ClinicMailServer(int port) {
        this.port = port;
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    static ClinicMailServer start() {
        ClinicMailServer server = new ClinicMailServer(FreePorts.next());
        server.greenMail.start();
        return server;
    }

    public int port() {
        return port;
    }

    /** One message as the patient's mail program shows it. */
    public record Mail(String from, List<String> to, String subject, String text) {

        /** The patient link in the text; fails if there is none. */
        public String link() {
            Matcher matcher = LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No patient link in the message to " + to + ":\n" + text);
            }
            return matcher.group();
        }
    }

    /** Every message received so far for {@code address}, oldest first. */
    public List<Mail> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> recipients(message).stream().anyMatch(address::equalsIgnoreCase))
                .map(ClinicMailServer::read)
                .toList();
    }

    /** The first message for {@code address}, waiting for it up to {@code within}. */
    public Mail awaitMessageTo(String address, Duration within) {
        return Awaitility.await("an e-mail to " + address).atMost(within).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> messagesTo(address).stream().findFirst(), Optional::isPresent).orElseThrow();
    }

    void stop() {
        greenMail.stop();
    }

    private static Mail read(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return new Mail(from == null || from.length == 0 ? null : from[0].toString(), recipients(message),
                    message.getSubject(), text(message).replace("\r\n", "\n"));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** The plain text, decoded (quoted-printable would break a long link over lines): the message or its text part. */
    private static String text(Part part) throws MessagingException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).isMimeType("text/plain") || multipart.getBodyPart(i).isMimeType("multipart/*")) {
                        return text(multipart.getBodyPart(i));
                    }
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(ClinicMailServer::address).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable recipients", e);
        }
    }

    private static String address(Address address) {
        return address instanceof jakarta.mail.internet.InternetAddress internet ? internet.getAddress() : address.toString();
    }
}
