package org.clinictracker.followups.patientlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.clinictracker.followups.patientlink.EmailPatientMessages.Template;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class PatientLinkMessageWordingTest {

    static final PatientLinkMessage MESSAGE = new PatientLinkMessage("hannah@example.org", "Hannah",
            "http://localhost:8080/answer?token=abc", LocalDate.of(2026, 12, 4));

    @Test
    void the_clinics_template_names_the_patient_the_link_the_last_day_and_the_clinic() {
        Template template = Template.read(new ClassPathResource("patient-link-email.txt"));

        assertThat(template.subject(MESSAGE, "Lakeside Pain Clinic"))
                .isEqualTo("Your follow-up questions from Lakeside Pain Clinic");
        assertThat(template.text(MESSAGE, "Lakeside Pain Clinic"))
                .startsWith("Hello Hannah,")
                .contains("http://localhost:8080/answer?token=abc")
                .contains("Friday 4 December 2026")
                .doesNotContain("{");
    }

    @Test
    void a_patient_without_a_first_name_is_greeted_without_a_gap_and_a_name_cannot_break_the_subject() {
        Template template = template("Subject: For {givenName}\nHello {givenName},\n{link}\n");

        assertThat(template.text(new PatientLinkMessage("x@example.org", null, "L", LocalDate.of(2026, 12, 4)), "C"))
                .startsWith("Hello,");
        assertThat(template.subject(new PatientLinkMessage("x@example.org", "Ann\r\nBcc: x@evil.example", "L",
                LocalDate.of(2026, 12, 4)), "C")).doesNotContain("\n", "\r");
    }

    @Test
    void a_template_without_a_subject_line_or_a_link_is_refused_at_start_up() {
        assertThatThrownBy(() -> template("Hello {givenName}\n{link}\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template("Subject: Hi\nHello {givenName}\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_address_is_masked_to_its_first_letter_and_domain() {
        assertThat(PatientLinkStatus.masked("hannah@example.org")).isEqualTo("h•••@example.org");
        assertThat(PatientLinkStatus.masked(" Émile@clinic.example ")).isEqualTo("É•••@clinic.example");
        assertThat(PatientLinkStatus.masked("no-at-sign")).isEqualTo("•••");
    }

    private static Template template(String text) {
        return Template.read(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)));
    }
}
