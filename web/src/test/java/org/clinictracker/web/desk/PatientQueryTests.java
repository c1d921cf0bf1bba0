package org.clinictracker.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatientQueryTests {

    @Test
    void words_search_the_name() {
        PatientQuery query = PatientQuery.parse("  huber   Anna ");
        assertThat(query.name()).isEqualTo("huber Anna");
        assertThat(query.mrn()).isNull();
        assertThat(query.birthDate()).isNull();
    }

    @Test
    void an_mrn_searches_the_mrn_and_a_date_the_birth_date() {
        assertThat(PatientQuery.parse("ct-000042-2").mrn()).isEqualTo("CT-000042-2");
        PatientQuery both = PatientQuery.parse("Huber 1956-03-14");
        assertThat(both.name()).isEqualTo("Huber");
        assertThat(both.birthDate()).isEqualTo("1956-03-14");
        assertThat(both.apiQuery(20)).containsEntry("q", "Huber").containsEntry("birthDate", "1956-03-14")
                .containsEntry("mrn", null).containsEntry("size", 20);
    }

    @Test
    void a_half_typed_mrn_or_date_is_answered_with_a_hint_not_searched() {
        assertThat(PatientQuery.parse("CT-0000").hint()).contains("MRN");
        assertThat(PatientQuery.parse("1956-03").hint()).contains("year-month-day");
        assertThat(PatientQuery.parse("1956-02-30").hint()).contains("is not a date");
        assertThat(PatientQuery.parse("1956-03").isEmpty()).isTrue();
    }

    @Test
    void hyphenated_names_and_odd_unicode_stay_names() {
        assertThat(PatientQuery.parse("Müller-Lüdenscheidt").name()).isEqualTo("Müller-Lüdenscheidt");
        assertThat(PatientQuery.parse("Zoë 😀").name()).isEqualTo("Zoë 😀");
        assertThat(PatientQuery.parse("x".repeat(500)).hint()).contains("at most 200");
        assertThat(PatientQuery.parse("  ").isEmpty()).isTrue();
    }
}
