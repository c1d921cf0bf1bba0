package org.clinictracker.deploycheck;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The environment variables a service reads: the {@code ${NAME...}} placeholders of its application.yml. */
final class ServiceSettings {

    /** Read by the JVM itself, not by Spring: the deployment sets the services' JVM options through it. */
    static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    /**
     * Spring Boot's own settings a deployment may set without a placeholder: Boot binds them from the environment
     * itself (relaxed binding). Only the ones the README documents; any other variable must be a placeholder.
     */
    static final Set<String> BOOT_SETTINGS = Set.of("LOGGING_STRUCTURED_FORMAT_CONSOLE");

    /**
     * Boot's SMTP settings ({@code spring.mail.*}), which followup-service alone uses (it e-mails the patients'
     * links; README "Patients answer themselves") and reads as Boot binds them: set, they turn e-mail on; unset,
     * there is no mail sender at all. No placeholder on purpose: an empty spring.mail.host would still make Boot
     * create a mail sender.
     */
    static final Set<String> MAIL_SETTINGS = Set.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME",
            "SPRING_MAIL_PASSWORD");
    /** Boot's mail session properties for STARTTLS (a clinic's submission port), set where a clinic has them. */
    static final Set<String> STARTTLS_SETTINGS = Set.of("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE",
            "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED");
    private static final String MAILING_SERVICE = "followup-service";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final String service;
    private final String applicationYml;

    ServiceSettings(String service) {
        this.service = service;
        this.applicationYml = Checkout.read(service + "/src/main/resources/application.yml");
    }

    Set<String> variables() {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(applicationYml);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    boolean reads(String variable) {
        return variable.equals(JVM_OPTIONS) || BOOT_SETTINGS.contains(variable) || variables().contains(variable)
                || service.equals(MAILING_SERVICE)
                        && (MAIL_SETTINGS.contains(variable) || STARTTLS_SETTINGS.contains(variable));
    }

    /** The default of {@code ${NAME:default}}, as written (nested placeholders left as they are). */
    String defaultOf(String variable) {
        Matcher matcher = Pattern.compile("\\$\\{" + variable + ":([^}]*)}").matcher(applicationYml);
        if (!matcher.find()) {
            throw new IllegalStateException(service + "'s application.yml has no default for " + variable);
        }
        return matcher.group(1);
    }

    @Override
    public String toString() {
        return service;
    }
}
