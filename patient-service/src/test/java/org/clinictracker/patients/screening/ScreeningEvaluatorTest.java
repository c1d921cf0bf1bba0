package org.clinictracker.patients.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.clinictracker.patients.screening.ScreeningEvaluator.Assessment;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The candidacy rules of domain.md ("Candidacy screening"): contraindications make a patient
 * NOT_ELIGIBLE, soft criteria and gaps send the screening to a proceduralist (NEEDS_REVIEW), and a
 * patient with no reason at all is ELIGIBLE.
 */
class ScreeningEvaluatorTest {

    private static final Boolean NOT_ANTICOAGULATED = false;
    private static final Boolean ANTICOAGULATED = true;

    /** The answers of a textbook candidate: six months of refractory nerve pain, no contraindication. */
    private static Answers aTextbookCandidate() {
        return new Answers();
    }

    @Test
    void a_textbook_candidate_is_eligible_with_no_reasons_and_nothing_unanswered() {
        Assessment assessment = ScreeningEvaluator.evaluate(aTextbookCandidate().build(), NOT_ANTICOAGULATED);

        assertThat(assessment.result()).isEqualTo(ScreeningResult.ELIGIBLE);
        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.unanswered()).isEmpty();
    }

    @Nested
    class Contraindications {

        @Test
        void active_infection_makes_the_patient_not_eligible() {
            assertOnlyReason(aTextbookCandidate().activeInfection(true), ScreeningResult.NOT_ELIGIBLE,
                    ScreeningReason.ACTIVE_INFECTION);
        }

        @Test
        void coagulopathy_makes_the_patient_not_eligible() {
            assertOnlyReason(aTextbookCandidate().coagulopathy(true), ScreeningResult.NOT_ELIGIBLE,
                    ScreeningReason.COAGULOPATHY);
        }

        @Test
        void severe_peripheral_vascular_disease_makes_the_patient_not_eligible() {
            assertOnlyReason(aTextbookCandidate().severePeripheralVascularDisease(true), ScreeningResult.NOT_ELIGIBLE,
                    ScreeningReason.SEVERE_PERIPHERAL_VASCULAR_DISEASE);
        }

        @Test
        void pain_outside_a_peripheral_nerve_distribution_makes_the_patient_not_eligible() {
            assertOnlyReason(aTextbookCandidate().peripheralNerveDistribution(false), ScreeningResult.NOT_ELIGIBLE,
                    ScreeningReason.PAIN_NOT_IN_PERIPHERAL_NERVE_DISTRIBUTION);
        }

        @Test
        void cold_intolerance_rules_out_planned_cryoneurolysis() {
            assertOnlyReason(aTextbookCandidate().coldIntolerance(true).plannedModality(Modality.CRYONEUROLYSIS),
                    ScreeningResult.NOT_ELIGIBLE, ScreeningReason.COLD_INTOLERANCE);
        }

        @Test
        void several_contraindications_are_all_listed_in_the_order_the_rules_check_them() {
            Assessment assessment = ScreeningEvaluator.evaluate(aTextbookCandidate()
                    .activeInfection(true)
                    .coagulopathy(true)
                    .severePeripheralVascularDisease(true)
                    .coldIntolerance(true)
                    .peripheralNerveDistribution(false)
                    .anticoagulationHeld(false)
                    .build(), ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
            assertThat(assessment.reasons()).containsExactly(
                    ScreeningReason.ACTIVE_INFECTION,
                    ScreeningReason.COAGULOPATHY,
                    ScreeningReason.ANTICOAGULATION_NOT_HELD,
                    ScreeningReason.SEVERE_PERIPHERAL_VASCULAR_DISEASE,
                    ScreeningReason.COLD_INTOLERANCE,
                    ScreeningReason.PAIN_NOT_IN_PERIPHERAL_NERVE_DISTRIBUTION);
        }
    }

    @Nested
    class SoftCriteria {

        @Test
        void pain_for_less_than_three_months_needs_a_proceduralist_review() {
            assertOnlyReason(aTextbookCandidate().chronicPainMonths(2), ScreeningResult.NEEDS_REVIEW,
                    ScreeningReason.PAIN_UNDER_THREE_MONTHS);
        }

        @Test
        void pain_that_medication_still_helps_needs_a_proceduralist_review() {
            assertOnlyReason(aTextbookCandidate().refractoryToMedication(false), ScreeningResult.NEEDS_REVIEW,
                    ScreeningReason.NOT_REFRACTORY_TO_MEDICATION);
        }

        @Test
        void pain_that_physical_therapy_still_helps_needs_a_proceduralist_review() {
            assertOnlyReason(aTextbookCandidate().refractoryToPhysicalTherapy(false), ScreeningResult.NEEDS_REVIEW,
                    ScreeningReason.NOT_REFRACTORY_TO_PHYSICAL_THERAPY);
        }

        @Test
        void several_soft_criteria_still_only_need_review() {
            Assessment assessment = ScreeningEvaluator.evaluate(aTextbookCandidate()
                    .chronicPainMonths(1)
                    .refractoryToMedication(false)
                    .refractoryToPhysicalTherapy(false)
                    .build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NEEDS_REVIEW);
            assertThat(assessment.reasons()).containsExactly(
                    ScreeningReason.PAIN_UNDER_THREE_MONTHS,
                    ScreeningReason.NOT_REFRACTORY_TO_MEDICATION,
                    ScreeningReason.NOT_REFRACTORY_TO_PHYSICAL_THERAPY);
        }

        @ParameterizedTest(name = "{0} months of pain needs review")
        @ValueSource(ints = {0, 1, 2})
        void pain_for_fewer_than_three_months_needs_review(int months) {
            assertOnlyReason(aTextbookCandidate().chronicPainMonths(months), ScreeningResult.NEEDS_REVIEW,
                    ScreeningReason.PAIN_UNDER_THREE_MONTHS);
        }

        @ParameterizedTest(name = "{0} months of pain is chronic enough")
        @ValueSource(ints = {3, 4, 12, 120, 1200})
        void pain_for_three_months_or_more_is_chronic_enough(int months) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().chronicPainMonths(months).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.ELIGIBLE);
            assertThat(assessment.reasons()).isEmpty();
        }
    }

    @Nested
    class Precedence {

        static Stream<Arguments> oneContraindicationWithOneSoftCriterion() {
            List<UnaryOperator<Answers>> contraindications = List.of(
                    a -> a.activeInfection(true),
                    a -> a.coagulopathy(true),
                    a -> a.severePeripheralVascularDisease(true),
                    a -> a.coldIntolerance(true),
                    a -> a.peripheralNerveDistribution(false));
            List<ScreeningReason> contraindicationReasons = List.of(
                    ScreeningReason.ACTIVE_INFECTION,
                    ScreeningReason.COAGULOPATHY,
                    ScreeningReason.SEVERE_PERIPHERAL_VASCULAR_DISEASE,
                    ScreeningReason.COLD_INTOLERANCE,
                    ScreeningReason.PAIN_NOT_IN_PERIPHERAL_NERVE_DISTRIBUTION);
            List<UnaryOperator<Answers>> softCriteria = List.of(
                    a -> a.chronicPainMonths(2),
                    a -> a.refractoryToMedication(false),
                    a -> a.refractoryToPhysicalTherapy(false),
                    a -> a.chronicPainMonths(null));
            List<ScreeningReason> softReasons = List.of(
                    ScreeningReason.PAIN_UNDER_THREE_MONTHS,
                    ScreeningReason.NOT_REFRACTORY_TO_MEDICATION,
                    ScreeningReason.NOT_REFRACTORY_TO_PHYSICAL_THERAPY,
                    ScreeningReason.INCOMPLETE_ANSWERS);
            Stream.Builder<Arguments> cases = Stream.builder();
            for (int c = 0; c < contraindications.size(); c++) {
                for (int s = 0; s < softCriteria.size(); s++) {
                    cases.add(arguments(contraindicationReasons.get(c), softReasons.get(s),
                            softCriteria.get(s).apply(contraindications.get(c).apply(aTextbookCandidate())).build()));
                }
            }
            return cases.build();
        }

        @ParameterizedTest(name = "{0} wins over {1}")
        @MethodSource("oneContraindicationWithOneSoftCriterion")
        void any_contraindication_wins_over_any_reason_for_review(ScreeningReason contraindication,
                ScreeningReason reasonForReview, ScreeningAnswers answers) {
            Assessment assessment = ScreeningEvaluator.evaluate(answers, NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
            assertThat(assessment.reasons()).containsExactlyInAnyOrder(contraindication, reasonForReview);
        }

        @Test
        void anticoagulation_not_held_wins_over_short_pain_and_unanswered_questions() {
            Assessment assessment = ScreeningEvaluator.evaluate(aTextbookCandidate()
                    .anticoagulationHeld(false)
                    .chronicPainMonths(1)
                    .coagulopathy(null)
                    .build(), ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
            assertThat(assessment.reasons()).containsExactly(
                    ScreeningReason.ANTICOAGULATION_NOT_HELD,
                    ScreeningReason.PAIN_UNDER_THREE_MONTHS,
                    ScreeningReason.INCOMPLETE_ANSWERS);
            assertThat(assessment.unanswered()).containsExactly("coagulopathy");
        }

        @Test
        void the_result_is_needs_review_only_when_every_reason_is_a_reason_for_review() {
            Assessment assessment = ScreeningEvaluator.evaluate(aTextbookCandidate()
                    .chronicPainMonths(2)
                    .refractoryToMedication(false)
                    .refractoryToPhysicalTherapy(false)
                    .anticoagulationHeld(null)
                    .coldIntolerance(null)
                    .build(), ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NEEDS_REVIEW);
            assertThat(assessment.reasons()).allSatisfy(
                    reason -> assertThat(reason.leadsTo()).isEqualTo(ScreeningResult.NEEDS_REVIEW));
            assertThat(assessment.reasons()).containsExactly(
                    ScreeningReason.PAIN_UNDER_THREE_MONTHS,
                    ScreeningReason.NOT_REFRACTORY_TO_MEDICATION,
                    ScreeningReason.NOT_REFRACTORY_TO_PHYSICAL_THERAPY,
                    ScreeningReason.ANTICOAGULATION_PLAN_UNKNOWN,
                    ScreeningReason.INCOMPLETE_ANSWERS);
        }
    }

    @Nested
    class UnansweredQuestions {

        static Stream<Arguments> eachQuestionLeftUnanswered() {
            return Stream.of(
                    arguments("chronicPainMonths", (UnaryOperator<Answers>) a -> a.chronicPainMonths(null)),
                    arguments("peripheralNerveDistribution", (UnaryOperator<Answers>) a -> a.peripheralNerveDistribution(null)),
                    arguments("refractoryToMedication", (UnaryOperator<Answers>) a -> a.refractoryToMedication(null)),
                    arguments("refractoryToPhysicalTherapy", (UnaryOperator<Answers>) a -> a.refractoryToPhysicalTherapy(null)),
                    arguments("activeInfection", (UnaryOperator<Answers>) a -> a.activeInfection(null)),
                    arguments("coagulopathy", (UnaryOperator<Answers>) a -> a.coagulopathy(null)),
                    arguments("severePeripheralVascularDisease", (UnaryOperator<Answers>) a -> a.severePeripheralVascularDisease(null)),
                    arguments("coldIntolerance", (UnaryOperator<Answers>) a -> a.coldIntolerance(null)));
        }

        @ParameterizedTest(name = "unanswered {0}")
        @MethodSource("eachQuestionLeftUnanswered")
        void a_single_unanswered_question_needs_review_and_is_named(String question, UnaryOperator<Answers> leaveUnanswered) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    leaveUnanswered.apply(aTextbookCandidate()).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NEEDS_REVIEW);
            assertThat(assessment.reasons()).containsExactly(ScreeningReason.INCOMPLETE_ANSWERS);
            assertThat(assessment.unanswered()).containsExactly(question);
        }

        @Test
        void a_blank_questionnaire_for_cryoneurolysis_lists_every_question_in_questionnaire_order() {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    Answers.blank().plannedModality(Modality.CRYONEUROLYSIS).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NEEDS_REVIEW);
            assertThat(assessment.reasons()).containsExactly(ScreeningReason.INCOMPLETE_ANSWERS);
            assertThat(assessment.unanswered()).containsExactly(
                    "chronicPainMonths",
                    "peripheralNerveDistribution",
                    "refractoryToMedication",
                    "refractoryToPhysicalTherapy",
                    "activeInfection",
                    "coagulopathy",
                    "severePeripheralVascularDisease",
                    "coldIntolerance");
        }

        @Test
        void a_blank_questionnaire_with_no_modality_planned_asks_about_cold_intolerance_too() {
            Assessment assessment = ScreeningEvaluator.evaluate(Answers.blank().build(), null);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NEEDS_REVIEW);
            assertThat(assessment.reasons()).containsExactly(ScreeningReason.INCOMPLETE_ANSWERS);
            assertThat(assessment.unanswered()).hasSize(9).contains("coldIntolerance", "anticoagulated");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Modality.class, names = {"RADIOFREQUENCY_ABLATION", "NERVE_BLOCK"})
        void a_blank_questionnaire_for_heat_or_a_block_does_not_ask_about_cold_intolerance(Modality modality) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    Answers.blank().plannedModality(modality).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.unanswered()).containsExactly(
                    "chronicPainMonths",
                    "peripheralNerveDistribution",
                    "refractoryToMedication",
                    "refractoryToPhysicalTherapy",
                    "activeInfection",
                    "coagulopathy",
                    "severePeripheralVascularDisease");
        }

        @Test
        void unanswered_questions_do_not_soften_a_contraindication() {
            Assessment assessment = ScreeningEvaluator.evaluate(aTextbookCandidate()
                    .coagulopathy(true)
                    .chronicPainMonths(null)
                    .refractoryToMedication(null)
                    .build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
            assertThat(assessment.reasons()).containsExactly(
                    ScreeningReason.COAGULOPATHY, ScreeningReason.INCOMPLETE_ANSWERS);
            assertThat(assessment.unanswered()).containsExactly("chronicPainMonths", "refractoryToMedication");
        }

        @Test
        void unknown_pain_duration_is_unanswered_rather_than_too_short() {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().chronicPainMonths(null).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.reasons()).doesNotContain(ScreeningReason.PAIN_UNDER_THREE_MONTHS);
            assertThat(assessment.unanswered()).containsExactly("chronicPainMonths");
        }

        @Test
        void whether_anticoagulation_is_held_is_never_listed_as_an_unanswered_question() {
            Assessment notAnticoagulated = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulationHeld(null).build(), NOT_ANTICOAGULATED);
            Assessment anticoagulated = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulationHeld(null).build(), ANTICOAGULATED);

            assertThat(notAnticoagulated.unanswered()).isEmpty();
            assertThat(anticoagulated.unanswered()).isEmpty();
        }
    }

    @Nested
    class ColdIntolerance {

        @ParameterizedTest(name = "planned: {0}")
        @NullSource
        @EnumSource(value = Modality.class, names = "CRYONEUROLYSIS")
        void cold_intolerance_rules_out_cryoneurolysis_and_an_unplanned_modality_counts_as_cryoneurolysis(Modality planned) {
            assertOnlyReason(aTextbookCandidate().coldIntolerance(true).plannedModality(planned),
                    ScreeningResult.NOT_ELIGIBLE, ScreeningReason.COLD_INTOLERANCE);
        }

        @ParameterizedTest(name = "planned: {0}")
        @EnumSource(value = Modality.class, names = {"RADIOFREQUENCY_ABLATION", "NERVE_BLOCK"})
        void cold_intolerance_does_not_matter_for_radiofrequency_ablation_or_a_nerve_block(Modality planned) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().coldIntolerance(true).plannedModality(planned).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.ELIGIBLE);
            assertThat(assessment.reasons()).isEmpty();
        }

        @ParameterizedTest(name = "planned: {0}")
        @EnumSource(value = Modality.class, names = {"RADIOFREQUENCY_ABLATION", "NERVE_BLOCK"})
        void cold_intolerance_is_not_asked_before_radiofrequency_ablation_or_a_nerve_block(Modality planned) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().coldIntolerance(null).plannedModality(planned).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.ELIGIBLE);
            assertThat(assessment.reasons()).isEmpty();
            assertThat(assessment.unanswered()).isEmpty();
        }

        @ParameterizedTest(name = "planned: {0}")
        @NullSource
        @EnumSource(value = Modality.class, names = "CRYONEUROLYSIS")
        void cold_intolerance_must_be_answered_before_cryoneurolysis(Modality planned) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().coldIntolerance(null).plannedModality(planned).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NEEDS_REVIEW);
            assertThat(assessment.reasons()).containsExactly(ScreeningReason.INCOMPLETE_ANSWERS);
            assertThat(assessment.unanswered()).containsExactly("coldIntolerance");
        }

        @ParameterizedTest(name = "planned: {0}")
        @NullSource
        @EnumSource(Modality.class)
        void a_patient_without_cold_intolerance_is_fine_for_any_modality(Modality planned) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().coldIntolerance(false).plannedModality(planned).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.ELIGIBLE);
        }
    }

    @Nested
    class Anticoagulation {

        @Test
        void an_anticoagulated_patient_whose_anticoagulant_is_not_held_is_not_eligible() {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulationHeld(false).build(), ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
            assertThat(assessment.reasons()).containsExactly(ScreeningReason.ANTICOAGULATION_NOT_HELD);
        }

        @Test
        void an_anticoagulated_patient_with_no_recorded_plan_to_hold_needs_review() {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulationHeld(null).build(), ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NEEDS_REVIEW);
            assertThat(assessment.reasons()).containsExactly(ScreeningReason.ANTICOAGULATION_PLAN_UNKNOWN);
        }

        @Test
        void an_anticoagulated_patient_whose_anticoagulant_is_held_is_eligible() {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulationHeld(true).build(), ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.ELIGIBLE);
            assertThat(assessment.reasons()).isEmpty();
        }

        @ParameterizedTest(name = "held={0}")
        @NullSource
        @ValueSource(booleans = {true, false})
        void whether_the_anticoagulant_is_held_does_not_matter_for_a_patient_not_anticoagulated(Boolean held) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulationHeld(held).build(), NOT_ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.ELIGIBLE);
            assertThat(assessment.reasons()).isEmpty();
            assertThat(assessment.unanswered()).isEmpty();
        }

        @ParameterizedTest(name = "held={0}")
        @NullSource
        @ValueSource(booleans = {true, false})
        void unknown_anticoagulation_is_not_taken_for_no_and_needs_review_naming_the_answer(Boolean held) {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulationHeld(held).build(), null);

            assertThat(assessment.modalities()).allSatisfy(modality -> {
                assertThat(modality.result()).isEqualTo(ScreeningResult.NEEDS_REVIEW);
                assertThat(modality.reasons()).containsExactly(ScreeningReason.INCOMPLETE_ANSWERS);
                assertThat(modality.unanswered()).containsExactly("anticoagulated");
            });
            assertThat(ScreeningRepository.describe(ScreeningReason.INCOMPLETE_ANSWERS, assessment.unanswered())
                    .message()).contains("anticoagulated");
        }

        @Test
        void the_screenings_own_answer_on_anticoagulation_wins_over_the_charts() {
            Assessment nowAnticoagulated = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulated(true).anticoagulationHeld(false).build(), NOT_ANTICOAGULATED);
            Assessment noLonger = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulated(false).build(), ANTICOAGULATED);
            Assessment answeredAtScreening = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().anticoagulated(false).build(), null);

            assertThat(nowAnticoagulated.result()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
            assertThat(nowAnticoagulated.reasons()).containsExactly(ScreeningReason.ANTICOAGULATION_NOT_HELD);
            assertThat(noLonger.result()).isEqualTo(ScreeningResult.ELIGIBLE);
            assertThat(answeredAtScreening.result()).isEqualTo(ScreeningResult.ELIGIBLE);
        }

        @Test
        void anticoagulation_not_held_sits_beside_a_coagulopathy_rather_than_replacing_it() {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().coagulopathy(true).anticoagulationHeld(false).build(), ANTICOAGULATED);

            assertThat(assessment.result()).isEqualTo(ScreeningResult.NOT_ELIGIBLE);
            assertThat(assessment.reasons()).containsExactly(
                    ScreeningReason.COAGULOPATHY, ScreeningReason.ANTICOAGULATION_NOT_HELD);
        }
    }

    /**
     * Every answer of the questionnaire left unanswered, answered yes and answered no, judged for every
     * modality: each case names the result expected for cryoneurolysis and for the two others.
     */
    @Nested
    class EveryAnswerForEveryModality {

        private static final ScreeningResult OK = ScreeningResult.ELIGIBLE;
        private static final ScreeningResult NO = ScreeningResult.NOT_ELIGIBLE;
        private static final ScreeningResult REVIEW = ScreeningResult.NEEDS_REVIEW;

        record Case(String question, Boolean answer, ScreeningResult cryoneurolysis, ScreeningResult heatOrBlock,
                UnaryOperator<Answers> answering, Boolean chartAnticoagulated) {

            @Override
            public String toString() {
                return question + "=" + answer + " (chart anticoagulated=" + chartAnticoagulated + ")";
            }
        }

        static Stream<Case> cases() {
            return Stream.of(
                    new Case("activeInfection", null, REVIEW, REVIEW, a -> a.activeInfection(null), false),
                    new Case("activeInfection", true, NO, NO, a -> a.activeInfection(true), false),
                    new Case("activeInfection", false, OK, OK, a -> a.activeInfection(false), false),
                    new Case("coagulopathy", null, REVIEW, REVIEW, a -> a.coagulopathy(null), false),
                    new Case("coagulopathy", true, NO, NO, a -> a.coagulopathy(true), false),
                    new Case("coagulopathy", false, OK, OK, a -> a.coagulopathy(false), false),
                    new Case("severePeripheralVascularDisease", null, REVIEW, REVIEW,
                            a -> a.severePeripheralVascularDisease(null), false),
                    new Case("severePeripheralVascularDisease", true, NO, NO,
                            a -> a.severePeripheralVascularDisease(true), false),
                    new Case("severePeripheralVascularDisease", false, OK, OK,
                            a -> a.severePeripheralVascularDisease(false), false),
                    new Case("coldIntolerance", null, REVIEW, OK, a -> a.coldIntolerance(null), false),
                    new Case("coldIntolerance", true, NO, OK, a -> a.coldIntolerance(true), false),
                    new Case("coldIntolerance", false, OK, OK, a -> a.coldIntolerance(false), false),
                    new Case("peripheralNerveDistribution", null, REVIEW, REVIEW,
                            a -> a.peripheralNerveDistribution(null), false),
                    new Case("peripheralNerveDistribution", true, OK, OK, a -> a.peripheralNerveDistribution(true), false),
                    new Case("peripheralNerveDistribution", false, NO, NO,
                            a -> a.peripheralNerveDistribution(false), false),
                    new Case("refractoryToMedication", null, REVIEW, REVIEW, a -> a.refractoryToMedication(null), false),
                    new Case("refractoryToMedication", true, OK, OK, a -> a.refractoryToMedication(true), false),
                    new Case("refractoryToMedication", false, REVIEW, REVIEW, a -> a.refractoryToMedication(false), false),
                    new Case("refractoryToPhysicalTherapy", null, REVIEW, REVIEW,
                            a -> a.refractoryToPhysicalTherapy(null), false),
                    new Case("refractoryToPhysicalTherapy", true, OK, OK, a -> a.refractoryToPhysicalTherapy(true), false),
                    new Case("refractoryToPhysicalTherapy", false, REVIEW, REVIEW,
                            a -> a.refractoryToPhysicalTherapy(false), false),
                    new Case("chronicPainMonths", null, REVIEW, REVIEW, a -> a.chronicPainMonths(null), false),
                    // anticoagulated, asked at screening, with the chart silent
                    new Case("anticoagulated", null, REVIEW, REVIEW, a -> a.anticoagulated(null), null),
                    new Case("anticoagulated", true, REVIEW, REVIEW, a -> a.anticoagulated(true), null),
                    new Case("anticoagulated", false, OK, OK, a -> a.anticoagulated(false), null),
                    // whether an anticoagulated patient's anticoagulant is held
                    new Case("anticoagulationHeld", null, REVIEW, REVIEW, a -> a.anticoagulationHeld(null), true),
                    new Case("anticoagulationHeld", true, OK, OK, a -> a.anticoagulationHeld(true), true),
                    new Case("anticoagulationHeld", false, NO, NO, a -> a.anticoagulationHeld(false), true));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void each_modality_gets_the_result_its_own_contraindications_give(Case c) {
            for (Modality planned : new Modality[] {null, Modality.CRYONEUROLYSIS, Modality.RADIOFREQUENCY_ABLATION,
                    Modality.NERVE_BLOCK}) {
                Assessment assessment = ScreeningEvaluator.evaluate(
                        c.answering().apply(aTextbookCandidate()).plannedModality(planned).build(), c.chartAnticoagulated());

                assertThat(assessment.forModality(Modality.CRYONEUROLYSIS).result()).as("cryoneurolysis")
                        .isEqualTo(c.cryoneurolysis());
                assertThat(assessment.forModality(Modality.RADIOFREQUENCY_ABLATION).result()).as("RFA")
                        .isEqualTo(c.heatOrBlock());
                assertThat(assessment.forModality(Modality.NERVE_BLOCK).result()).as("nerve block")
                        .isEqualTo(c.heatOrBlock());
                Modality headline = planned == null ? Modality.CRYONEUROLYSIS : planned;
                assertThat(assessment.result()).as("headline for planned %s", planned)
                        .isEqualTo(assessment.forModality(headline).result());
                assertThat(assessment.reasons()).isEqualTo(assessment.forModality(headline).reasons());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void an_unanswered_question_is_named_for_every_modality_it_matters_to(Case c) {
            Assessment assessment = ScreeningEvaluator.evaluate(c.answering().apply(aTextbookCandidate()).build(),
                    c.chartAnticoagulated());

            assertThat(assessment.modalities()).allSatisfy(modality -> {
                boolean mattersHere = modality.result() == ScreeningResult.NEEDS_REVIEW;
                if (c.answer() == null && mattersHere && !c.question().equals("anticoagulationHeld")) {
                    assertThat(modality.unanswered()).containsExactly(c.question());
                    assertThat(modality.reasons()).contains(ScreeningReason.INCOMPLETE_ANSWERS);
                } else if (c.answer() == null && mattersHere) {
                    assertThat(modality.reasons()).containsExactly(ScreeningReason.ANTICOAGULATION_PLAN_UNKNOWN);
                } else if (!mattersHere) {
                    assertThat(modality.unanswered()).isEmpty();
                }
            });
        }

        @Test
        void a_cold_intolerant_patient_is_ruled_out_for_cryoneurolysis_only_whatever_was_planned() {
            for (Modality planned : Modality.values()) {
                Assessment assessment = ScreeningEvaluator.evaluate(
                        aTextbookCandidate().coldIntolerance(true).plannedModality(planned).build(), NOT_ANTICOAGULATED);

                assertThat(assessment.forModality(Modality.CRYONEUROLYSIS).reasons())
                        .containsExactly(ScreeningReason.COLD_INTOLERANCE);
                assertThat(assessment.forModality(Modality.RADIOFREQUENCY_ABLATION).reasons()).isEmpty();
                assertThat(assessment.forModality(Modality.NERVE_BLOCK).reasons()).isEmpty();
            }
        }

        @Test
        void every_modality_is_judged_once_in_the_vocabularys_order() {
            Assessment assessment = ScreeningEvaluator.evaluate(aTextbookCandidate().build(), NOT_ANTICOAGULATED);

            assertThat(assessment.modalities()).extracting(ScreeningEvaluator.ModalityAssessment::modality)
                    .containsExactly(Modality.values());
        }
    }

    @Nested
    class Reasons {

        @Test
        void exactly_the_contraindications_of_the_source_make_a_patient_not_eligible() {
            assertThat(Arrays.stream(ScreeningReason.values())
                    .filter(reason -> reason.leadsTo() == ScreeningResult.NOT_ELIGIBLE))
                    .containsExactlyInAnyOrder(
                            ScreeningReason.ACTIVE_INFECTION,
                            ScreeningReason.COAGULOPATHY,
                            ScreeningReason.ANTICOAGULATION_NOT_HELD,
                            ScreeningReason.SEVERE_PERIPHERAL_VASCULAR_DISEASE,
                            ScreeningReason.COLD_INTOLERANCE,
                            ScreeningReason.PAIN_NOT_IN_PERIPHERAL_NERVE_DISTRIBUTION);
        }

        @Test
        void every_other_reason_leaves_the_decision_to_a_proceduralist() {
            assertThat(Arrays.stream(ScreeningReason.values())
                    .filter(reason -> reason.leadsTo() == ScreeningResult.NEEDS_REVIEW))
                    .containsExactlyInAnyOrder(
                            ScreeningReason.PAIN_UNDER_THREE_MONTHS,
                            ScreeningReason.NOT_REFRACTORY_TO_MEDICATION,
                            ScreeningReason.NOT_REFRACTORY_TO_PHYSICAL_THERAPY,
                            ScreeningReason.ANTICOAGULATION_PLAN_UNKNOWN,
                            ScreeningReason.INCOMPLETE_ANSWERS);
        }

        @ParameterizedTest
        @EnumSource(ScreeningReason.class)
        void no_reason_leads_to_eligible_and_each_explains_itself(ScreeningReason reason) {
            assertThat(reason.leadsTo()).isNotEqualTo(ScreeningResult.ELIGIBLE);
            assertThat(reason.message()).isNotBlank();
        }

        @Test
        void the_assessment_cannot_be_altered_after_the_fact() {
            Assessment assessment = ScreeningEvaluator.evaluate(
                    aTextbookCandidate().activeInfection(true).coagulopathy(null).build(), NOT_ANTICOAGULATED);

            assertThatThrownBy(() -> assessment.reasons().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> assessment.unanswered().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    private static void assertOnlyReason(Answers answers, ScreeningResult expectedResult, ScreeningReason expectedReason) {
        Assessment assessment = ScreeningEvaluator.evaluate(answers.build(), NOT_ANTICOAGULATED);

        assertThat(assessment.result()).isEqualTo(expectedResult);
        assertThat(assessment.reasons()).containsExactly(expectedReason);
        assertThat(assessment.unanswered()).isEmpty();
    }

    /** Screening answers for a test, starting from a textbook candidate and changed one answer at a time. */
    static final class Answers {
        private Integer chronicPainMonths = 6;
        private Boolean peripheralNerveDistribution = true;
        private Boolean refractoryToMedication = true;
        private Boolean refractoryToPhysicalTherapy = true;
        private Boolean activeInfection = false;
        private Boolean coagulopathy = false;
        private Boolean severePeripheralVascularDisease = false;
        private Boolean coldIntolerance = false;
        private Boolean anticoagulationHeld = null;
        private Modality plannedModality = Modality.CRYONEUROLYSIS;
        private Boolean anticoagulated = null;

        /** Nothing answered and no modality planned yet. */
        static Answers blank() {
            return new Answers().chronicPainMonths(null).peripheralNerveDistribution(null)
                    .refractoryToMedication(null).refractoryToPhysicalTherapy(null).activeInfection(null)
                    .coagulopathy(null).severePeripheralVascularDisease(null).coldIntolerance(null)
                    .anticoagulationHeld(null).plannedModality(null).anticoagulated(null);
        }

        Answers chronicPainMonths(Integer value) { chronicPainMonths = value; return this; }
        Answers peripheralNerveDistribution(Boolean value) { peripheralNerveDistribution = value; return this; }
        Answers refractoryToMedication(Boolean value) { refractoryToMedication = value; return this; }
        Answers refractoryToPhysicalTherapy(Boolean value) { refractoryToPhysicalTherapy = value; return this; }
        Answers activeInfection(Boolean value) { activeInfection = value; return this; }
        Answers coagulopathy(Boolean value) { coagulopathy = value; return this; }
        Answers severePeripheralVascularDisease(Boolean value) { severePeripheralVascularDisease = value; return this; }
        Answers coldIntolerance(Boolean value) { coldIntolerance = value; return this; }
        Answers anticoagulationHeld(Boolean value) { anticoagulationHeld = value; return this; }
        Answers plannedModality(Modality value) { plannedModality = value; return this; }
        Answers anticoagulated(Boolean value) { anticoagulated = value; return this; }

        ScreeningAnswers build() {
            return new ScreeningAnswers(chronicPainMonths, peripheralNerveDistribution, refractoryToMedication,
                    refractoryToPhysicalTherapy, activeInfection, coagulopathy, severePeripheralVascularDisease,
                    coldIntolerance, anticoagulationHeld, plannedModality, anticoagulated);
        }

        @Override
        public String toString() {
            return build().toString();
        }
    }
}
