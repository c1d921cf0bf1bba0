package org.clinictracker.followups.patientlink;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * E-mail is on only where an SMTP host is really configured. Boot creates its {@link JavaMailSender} whenever
 * {@code spring.mail.host} is present, even empty (an unset {@code SPRING_MAIL_HOST=} in a compose file): such a
 * sender could only fail, so it counts as no sender, and an e-mailed link is refused up front (409) instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientLinkProperties.class)
class PatientMessagesConfig {

    @Bean
    PatientMessages patientMessages(ObjectProvider<JavaMailSender> mailSender, Environment environment,
            PatientLinkProperties properties) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || !StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            return new NoPatientMessages();
        }
        return new EmailPatientMessages(sender, properties);
    }
}
