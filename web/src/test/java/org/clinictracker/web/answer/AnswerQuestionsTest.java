package org.clinictracker.web.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinictracker.web.terms.ClinicalTerms;
import org.junit.jupiter.api.Test;

class AnswerQuestionsTest {

    private final AnswerQuestions questions = new AnswerQuestions();

    @Test
    void the_patient_is_offered_every_adverse_event_the_clinic_records_in_their_own_words() {
        assertThat(questions.sideEffects().keySet())
                .containsExactlyInAnyOrderElementsOf(new ClinicalTerms().choices("adverseEventType").keySet());
        assertThat(questions.sideEffects().values()).doesNotHaveDuplicates()
                .noneMatch(words -> words.matches(".*[A-Z]{2,}.*")); // no code left in capitals
    }

    @Test
    void the_scales_run_from_0_to_10_and_relief_in_tens_to_100() {
        assertThat(questions.scale()).hasSize(11).startsWith(0).endsWith(10);
        assertThat(questions.reliefSteps()).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(questions.choices("satisfaction")).containsOnlyKeys("1", "2", "3", "4", "5");
    }
}
