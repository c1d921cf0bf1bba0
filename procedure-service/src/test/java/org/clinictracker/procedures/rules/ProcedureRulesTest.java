package org.clinictracker.procedures.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.procedures.catalogue.TargetNerve;
import org.clinictracker.procedures.procedure.BlockParameters;
import org.clinictracker.procedures.procedure.BlockPurpose;
import org.clinictracker.procedures.procedure.CryoParameters;
import org.clinictracker.procedures.procedure.Device;
import org.clinictracker.procedures.procedure.FreezeCycle;
import org.clinictracker.procedures.procedure.ImagingGuidance;
import org.clinictracker.procedures.procedure.ProcedureDetails;
import org.clinictracker.procedures.procedure.RfaParameters;
import org.clinictracker.procedures.procedure.RfaVariant;
import org.clinictracker.procedures.procedure.TargetSite;
import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.Laterality;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.clinictracker.vocabulary.IndicationEntry;

/**
 * The clinic's procedure rules (domain.md, "Modalities and their parameters", "Target nerves"):
 * impossible values are violations naming the request's field, possible but unusual values are
 * accepted with a warning. Each range is tested on both sides of each edge.
 */
class ProcedureRulesTest {

    @Nested
    class TextbookCases {

        @Test
        void a_textbook_intercostal_cryoneurolysis_passes_without_a_warning() {
            assertClean(ProcedureRules.check(aCryoneurolysis().build()));
        }

        @Test
        void a_textbook_knee_cryoneurolysis_passes_without_a_warning() {
            assertClean(ProcedureRules.check(aKneeCryoneurolysis().build()));
        }

        @ParameterizedTest
        @EnumSource(RfaVariant.class)
        void a_textbook_radiofrequency_ablation_of_each_variant_passes_without_a_warning(RfaVariant variant) {
            assertClean(ProcedureRules.check(aRadiofrequencyAblation(variant).build()));
        }

        @Test
        void a_textbook_nerve_block_passes_without_a_warning() {
            assertClean(ProcedureRules.check(aNerveBlock().build()));
        }

        @Test
        void a_procedure_with_only_warnings_passes() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().probeTemperature("-120").cycles(5).build());

            assertThat(check.passes()).isTrue();
            assertThat(check.warnings()).extracting(Warning::code).containsExactly(
                    ProcedureRules.CRYO_TEMPERATURE_UNUSUAL, ProcedureRules.FREEZE_CYCLE_UNUSUAL);
        }

        @Test
        void every_problem_of_a_procedure_is_reported_at_once_in_the_order_of_the_form() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis()
                    .probeTemperature("5")
                    .cycles(90, 0)
                    .thawSeconds(-1)
                    .targets(target("INTERCOSTAL", Laterality.LEFT, null), target("FEMORAL", Laterality.LEFT, null))
                    .build());

            assertThat(check.passes()).isFalse();
            assertThat(check.violations()).extracting(FieldError::field).containsExactly(
                    "cryo.probeTemperatureCelsius",
                    "cryo.cycles[1].seconds",
                    "cryo.thawSeconds",
                    "targets[0].level",
                    "targets[1].nerve");
            assertThat(check.warnings()).isEmpty();
        }

        @Test
        void the_findings_cannot_be_altered_after_the_check() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().probeTemperature("5").cycles(5).build());

            assertThatThrownBy(() -> check.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> check.warnings().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class ModalityAndParameters {

        @Test
        void cryoneurolysis_without_cryo_parameters_is_refused() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().cryo(null).build());

            assertOnlyViolation(check, "cryo", "is required for cryoneurolysis");
        }

        @Test
        void radiofrequency_ablation_without_rfa_parameters_is_refused() {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.CONVENTIONAL).rfa(null).build());

            assertOnlyViolation(check, "rfa", "is required for radiofrequency ablation");
        }

        @Test
        void a_nerve_block_without_block_parameters_is_refused() {
            RuleCheck check = ProcedureRules.check(aNerveBlock().block(null).build());

            assertOnlyViolation(check, "block", "is required for a nerve block");
        }

        @Test
        void rfa_parameters_on_a_cryoneurolysis_are_refused() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().rfa(conventionalRfa()).build());

            assertOnlyViolation(check, "rfa", "does not belong to a cryoneurolysis procedure");
        }

        @Test
        void block_parameters_on_a_cryoneurolysis_are_refused() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().block(aBlock()).build());

            assertOnlyViolation(check, "block", "does not belong to a cryoneurolysis procedure");
        }

        @Test
        void cryo_parameters_on_a_radiofrequency_ablation_are_refused() {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.COOLED).cryo(aCryo()).build());

            assertOnlyViolation(check, "cryo", "does not belong to a radiofrequency ablation procedure");
        }

        @Test
        void block_parameters_on_a_radiofrequency_ablation_are_refused() {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.PULSED).block(aBlock()).build());

            assertOnlyViolation(check, "block", "does not belong to a radiofrequency ablation procedure");
        }

        @Test
        void cryo_and_rfa_parameters_on_a_nerve_block_are_each_refused() {
            RuleCheck check = ProcedureRules.check(aNerveBlock().cryo(aCryo()).rfa(conventionalRfa()).build());

            assertThat(check.violations()).containsExactly(
                    new FieldError("cryo", "does not belong to a nerve block procedure"),
                    new FieldError("rfa", "does not belong to a nerve block procedure"));
        }

        @Test
        void a_cryoneurolysis_logged_with_only_rfa_parameters_names_both_the_missing_and_the_extra_block() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().cryo(null).rfa(conventionalRfa()).build());

            assertThat(check.violations()).containsExactly(
                    new FieldError("cryo", "is required for cryoneurolysis"),
                    new FieldError("rfa", "does not belong to a cryoneurolysis procedure"));
        }

        @Test
        void the_values_inside_a_parameter_block_that_does_not_belong_are_not_judged() {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.CONVENTIONAL)
                    .cryo(new CryoParameters(new BigDecimal("5"), cycles(0), -1, true))
                    .build());

            assertOnlyViolation(check, "cryo", "does not belong to a radiofrequency ablation procedure");
        }

        @Test
        void without_a_modality_the_given_parameters_are_still_checked_and_the_missing_modality_left_to_validation() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().modality(null).probeTemperature("5").build());

            assertThat(check.violations()).extracting(FieldError::field).containsExactly("cryo.probeTemperatureCelsius");
        }
    }

    @Nested
    class CryoProbeTemperature {

        @ParameterizedTest(name = "{0} °C")
        @ValueSource(strings = {"0", "0.0", "0.1", "5", "37", "80"})
        void a_probe_at_or_above_zero_has_the_wrong_sign_for_cryoneurolysis(String celsius) {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().probeTemperature(celsius).build());

            assertOnlyViolation(check, "cryo.probeTemperatureCelsius");
            assertThat(check.violations().get(0).message()).startsWith("must be below 0 °C for cryoneurolysis (got ");
        }

        @Test
        void the_wrong_sign_is_explained_with_the_value_sent() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().probeTemperature("5").build());

            assertOnlyViolation(check, "cryo.probeTemperatureCelsius", "must be below 0 °C for cryoneurolysis (got 5)");
        }

        @ParameterizedTest(name = "{0} °C")
        @ValueSource(strings = {"-196", "-196.0", "-196.1", "-200", "-273.15", "-1000"})
        void a_probe_at_or_below_liquid_nitrogen_is_impossible(String celsius) {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().probeTemperature(celsius).build());

            assertOnlyViolation(check, "cryo.probeTemperatureCelsius");
            assertThat(check.violations().get(0).message()).startsWith("must be above −196 °C");
        }

        @Test
        void too_cold_a_probe_is_explained_with_the_value_sent() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().probeTemperature("-200").build());

            assertThat(check.violations().get(0).message()).endsWith("(got −200)");
        }

        @ParameterizedTest(name = "{0} °C")
        @ValueSource(strings = {"-195.9", "-150", "-100.1", "-49.9", "-20", "-0.1"})
        void a_possible_probe_temperature_outside_minus_100_to_minus_50_is_accepted_with_a_warning(String celsius) {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().probeTemperature(celsius).build());

            assertOnlyWarning(check, ProcedureRules.CRYO_TEMPERATURE_UNUSUAL, "cryo.probeTemperatureCelsius");
        }

        @ParameterizedTest(name = "{0} °C")
        @ValueSource(strings = {"-100", "-100.0", "-99.9", "-88.1", "-80", "-69.9", "-50.1", "-50"})
        void a_probe_from_minus_100_to_minus_50_inclusive_is_typical(String celsius) {
            assertClean(ProcedureRules.check(aCryoneurolysis().probeTemperature(celsius).build()));
        }

        @Test
        void the_warning_says_what_is_typical() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().probeTemperature("-120").build());

            assertThat(check.warnings()).containsExactly(new Warning(ProcedureRules.CRYO_TEMPERATURE_UNUSUAL,
                    "cryo.probeTemperatureCelsius", "−120 °C is outside the typical −100 to −50 °C for cryoneurolysis"));
        }
    }

    @Nested
    class KneeProbeTemperature {

        @ParameterizedTest(name = "{0} °C")
        @ValueSource(strings = {"-88", "-87.9", "-80", "-70.1", "-70"})
        void a_knee_probe_from_minus_88_to_minus_70_inclusive_is_typical(String celsius) {
            assertClean(ProcedureRules.check(aKneeCryoneurolysis().probeTemperature(celsius).build()));
        }

        @ParameterizedTest(name = "{0} °C")
        @ValueSource(strings = {"-195.9", "-100.1", "-100", "-95", "-88.1", "-69.9", "-60", "-50", "-49.9", "-0.1"})
        void a_knee_probe_outside_minus_88_to_minus_70_gets_the_knee_warning_only(String celsius) {
            RuleCheck check = ProcedureRules.check(aKneeCryoneurolysis().probeTemperature(celsius).build());

            assertOnlyWarning(check, ProcedureRules.CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE, "cryo.probeTemperatureCelsius");
        }

        @ParameterizedTest(name = "{0} °C")
        @ValueSource(strings = {"-196", "-250", "0", "5"})
        void at_the_knee_the_physical_limits_are_the_same(String celsius) {
            RuleCheck check = ProcedureRules.check(aKneeCryoneurolysis().probeTemperature(celsius).build());

            assertOnlyViolation(check, "cryo.probeTemperatureCelsius");
        }

        @Test
        void the_knee_warning_names_the_knee_window() {
            RuleCheck check = ProcedureRules.check(aKneeCryoneurolysis().probeTemperature("-95").build());

            assertThat(check.warnings()).containsExactly(new Warning(ProcedureRules.CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE,
                    "cryo.probeTemperatureCelsius",
                    "−95 °C is outside the typical −88 to −70 °C for cryoneurolysis of knee nerves"));
        }

        @ParameterizedTest
        @MethodSource("org.clinictracker.procedures.rules.ProcedureRulesTest#kneeNerves")
        void each_knee_nerve_alone_narrows_the_typical_window(TargetNerve nerve) {
            RuleCheck check = ProcedureRules.check(aKneeCryoneurolysis()
                    .targets(target(nerve.name(), Laterality.RIGHT, null))
                    .probeTemperature("-95")
                    .build());

            assertOnlyWarning(check, ProcedureRules.CRYO_TEMPERATURE_UNUSUAL_FOR_KNEE, "cryo.probeTemperatureCelsius");
        }

        @Test
        void a_knee_nerve_treated_together_with_a_thigh_nerve_keeps_the_general_window() {
            Case kneeAndThigh = aKneeCryoneurolysis().targets(
                    target("SUPEROMEDIAL_GENICULAR", Laterality.LEFT, null),
                    target("LATERAL_FEMORAL_CUTANEOUS", Laterality.LEFT, null));

            assertClean(ProcedureRules.check(kneeAndThigh.probeTemperature("-95").build()));
            assertOnlyWarning(ProcedureRules.check(kneeAndThigh.probeTemperature("-45").build()),
                    ProcedureRules.CRYO_TEMPERATURE_UNUSUAL, "cryo.probeTemperatureCelsius");
        }

        @Test
        void a_knee_nerve_beside_an_unknown_code_keeps_the_general_window() {
            RuleCheck check = ProcedureRules.check(aKneeCryoneurolysis()
                    .targets(target("SUPEROMEDIAL_GENICULAR", Laterality.LEFT, null),
                            target("GENICULAR", Laterality.LEFT, null))
                    .probeTemperature("-95")
                    .build());

            assertThat(check.violations()).extracting(FieldError::field).containsExactly("targets[1].nerve");
            assertThat(check.warnings()).isEmpty();
        }

        @Test
        void the_saphenous_nerve_itself_is_not_a_knee_nerve() {
            RuleCheck check = ProcedureRules.check(aKneeCryoneurolysis()
                    .targets(target("SAPHENOUS", Laterality.LEFT, null))
                    .probeTemperature("-95")
                    .build());

            assertClean(check);
        }
    }

    @Nested
    class FreezeCycles {

        @Test
        void a_cryoneurolysis_without_a_freeze_cycle_is_refused() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().cycles().build());

            assertOnlyViolation(check, "cryo.cycles", "must list at least one freeze cycle (got none)");
        }

        @ParameterizedTest(name = "{0} s")
        @ValueSource(ints = {-30, -1, 0})
        void a_freeze_of_no_time_at_all_is_refused(int seconds) {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().cycles(seconds).build());

            assertOnlyViolation(check, "cryo.cycles[0].seconds");
            assertThat(check.violations().get(0).message()).startsWith("must be more than 0 seconds");
        }

        @ParameterizedTest(name = "{0} s")
        @ValueSource(ints = {601, 900, 3600})
        void a_freeze_longer_than_ten_minutes_is_refused(int seconds) {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().cycles(seconds).build());

            assertOnlyViolation(check, "cryo.cycles[0].seconds",
                    "must be at most 600 seconds (10 minutes) for one freeze (got " + seconds + ")");
        }

        @ParameterizedTest(name = "{0} s")
        @ValueSource(ints = {1, 9, 301, 599, 600})
        void a_possible_freeze_outside_10_to_300_seconds_is_accepted_with_a_warning(int seconds) {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().cycles(seconds).build());

            assertOnlyWarning(check, ProcedureRules.FREEZE_CYCLE_UNUSUAL, "cryo.cycles[0].seconds");
        }

        @ParameterizedTest(name = "{0} s")
        @ValueSource(ints = {10, 11, 60, 120, 299, 300})
        void a_freeze_from_10_to_300_seconds_inclusive_is_typical(int seconds) {
            assertClean(ProcedureRules.check(aCryoneurolysis().cycles(seconds).build()));
        }

        @Test
        void each_cycle_is_named_by_its_place_in_the_list() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().cycles(90, 0, 601, 5).build());

            assertThat(check.violations()).extracting(FieldError::field)
                    .containsExactly("cryo.cycles[1].seconds", "cryo.cycles[2].seconds");
            assertThat(check.warnings()).containsExactly(new Warning(ProcedureRules.FREEZE_CYCLE_UNUSUAL,
                    "cryo.cycles[3].seconds", "a freeze of 5 seconds is outside the typical 10–300 seconds"));
        }

        @Test
        void a_cycle_without_seconds_is_left_to_bean_validation() {
            List<FreezeCycle> cycles = new ArrayList<>();
            cycles.add(new FreezeCycle(null));
            cycles.add(null);
            cycles.add(new FreezeCycle(90));

            assertClean(ProcedureRules.check(aCryoneurolysis().cryo(new CryoParameters(
                    new BigDecimal("-80"), cycles, 30, true)).build()));
        }

        @Test
        void a_negative_thaw_is_refused() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().thawSeconds(-1).build());

            assertOnlyViolation(check, "cryo.thawSeconds", "must be 0 seconds or more (got −1)");
        }

        @ParameterizedTest(name = "thaw {0} s")
        @ValueSource(ints = {0, 1, 30, 120})
        void no_thaw_or_any_positive_thaw_is_accepted(int seconds) {
            assertClean(ProcedureRules.check(aCryoneurolysis().thawSeconds(seconds).build()));
        }

        @Test
        void an_unrecorded_thaw_is_accepted() {
            assertClean(ProcedureRules.check(aCryoneurolysis().thawSeconds(null).build()));
        }
    }

    @Nested
    class RfaLesionTemperature {

        @ParameterizedTest(name = "{0} at {1} °C")
        @CsvSource({
                "CONVENTIONAL, 36.9", "CONVENTIONAL, 100.1", "CONVENTIONAL, 0", "CONVENTIONAL, 150",
                "COOLED, 36.9", "COOLED, 100.1",
                "PULSED, 36.9", "PULSED, 100.1", "PULSED, 20"})
        void a_lesion_outside_37_to_100_degrees_is_impossible(RfaVariant variant, String celsius) {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(variant).lesionTemperature(celsius).build());

            assertOnlyViolation(check, "rfa.lesionTemperatureCelsius",
                    "must be between 37 and 100 °C for radiofrequency ablation (got " + celsius + ")");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(RfaVariant.class)
        void a_freezing_temperature_on_an_ablation_is_refused_as_the_wrong_sign(RfaVariant variant) {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(variant).lesionTemperature("-80").build());

            assertOnlyViolation(check, "rfa.lesionTemperatureCelsius", "must be between 37 and 100 °C for"
                    + " radiofrequency ablation (got −80: below 0 °C is a cryoneurolysis temperature)");
        }

        @ParameterizedTest(name = "{0} at {1} °C")
        @CsvSource({
                "CONVENTIONAL, 37", "CONVENTIONAL, 59.9", "CONVENTIONAL, 90.1", "CONVENTIONAL, 100",
                "COOLED, 37", "COOLED, 59.9", "COOLED, 90.1", "COOLED, 100"})
        void a_thermal_lesion_outside_60_to_90_degrees_is_accepted_with_a_warning(RfaVariant variant, String celsius) {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(variant).lesionTemperature(celsius).build());

            assertOnlyWarning(check, ProcedureRules.RFA_TEMPERATURE_UNUSUAL, "rfa.lesionTemperatureCelsius");
        }

        @ParameterizedTest(name = "{0} at {1} °C")
        @CsvSource({
                "CONVENTIONAL, 60", "CONVENTIONAL, 60.1", "CONVENTIONAL, 80", "CONVENTIONAL, 89.9", "CONVENTIONAL, 90",
                "COOLED, 60", "COOLED, 90"})
        void a_thermal_lesion_from_60_to_90_degrees_inclusive_is_typical(RfaVariant variant, String celsius) {
            assertClean(ProcedureRules.check(aRadiofrequencyAblation(variant).lesionTemperature(celsius).build()));
        }

        @ParameterizedTest(name = "pulsed at {0} °C")
        @ValueSource(strings = {"37", "37.9", "45.1", "60", "80", "90", "100"})
        void pulsed_radiofrequency_outside_38_to_45_degrees_is_accepted_with_a_warning(String celsius) {
            RuleCheck check = ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.PULSED).lesionTemperature(celsius).build());

            assertOnlyWarning(check, ProcedureRules.RFA_TEMPERATURE_UNUSUAL, "rfa.lesionTemperatureCelsius");
        }

        @ParameterizedTest(name = "pulsed at {0} °C")
        @ValueSource(strings = {"38", "40", "42", "44.9", "45"})
        void pulsed_radiofrequency_from_38_to_45_degrees_inclusive_is_typical(String celsius) {
            assertClean(ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.PULSED).lesionTemperature(celsius).build()));
        }

        @Test
        void the_warning_names_the_variant_and_its_typical_window() {
            RuleCheck conventional = ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.CONVENTIONAL).lesionTemperature("95").build());
            RuleCheck pulsed = ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.PULSED).lesionTemperature("80").build());

            assertThat(conventional.warnings().get(0).message())
                    .isEqualTo("95 °C is outside the typical 60–90 °C for conventional radiofrequency ablation");
            assertThat(pulsed.warnings().get(0).message())
                    .isEqualTo("80 °C is outside the typical 38–45 °C for pulsed radiofrequency ablation");
        }

        @Test
        void without_a_variant_only_the_physical_range_is_checked() {
            Case noVariant = aRadiofrequencyAblation(RfaVariant.CONVENTIONAL).variant(null);

            assertClean(ProcedureRules.check(noVariant.lesionTemperature("40").secondsPerLesion(400).build()));
            assertOnlyViolation(ProcedureRules.check(noVariant.lesionTemperature("101").build()),
                    "rfa.lesionTemperatureCelsius");
        }
    }

    @Nested
    class RfaDurationAndLesions {

        @ParameterizedTest(name = "{0} for {1} s")
        @CsvSource({"CONVENTIONAL, 0", "CONVENTIONAL, -1", "COOLED, 0", "PULSED, 0", "PULSED, -60"})
        void a_lesion_of_no_time_at_all_is_refused(RfaVariant variant, int seconds) {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(variant).secondsPerLesion(seconds).build());

            assertOnlyViolation(check, "rfa.secondsPerLesion");
            assertThat(check.violations().get(0).message()).startsWith("must be more than 0 seconds per lesion");
        }

        @ParameterizedTest(name = "{0} for {1} s")
        @CsvSource({"CONVENTIONAL, 1201", "COOLED, 3600", "PULSED, 1201"})
        void a_lesion_longer_than_twenty_minutes_is_refused(RfaVariant variant, int seconds) {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(variant).secondsPerLesion(seconds).build());

            assertOnlyViolation(check, "rfa.secondsPerLesion",
                    "must be at most 1200 seconds (20 minutes) per lesion (got " + seconds + ")");
        }

        @ParameterizedTest(name = "{0} for {1} s")
        @CsvSource({
                "CONVENTIONAL, 1", "CONVENTIONAL, 59", "CONVENTIONAL, 181", "CONVENTIONAL, 1200",
                "COOLED, 59", "COOLED, 181"})
        void a_thermal_lesion_outside_60_to_180_seconds_is_accepted_with_a_warning(RfaVariant variant, int seconds) {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(variant).secondsPerLesion(seconds).build());

            assertOnlyWarning(check, ProcedureRules.RFA_DURATION_UNUSUAL, "rfa.secondsPerLesion");
        }

        @ParameterizedTest(name = "{0} for {1} s")
        @CsvSource({"CONVENTIONAL, 60", "CONVENTIONAL, 90", "CONVENTIONAL, 180", "COOLED, 60", "COOLED, 150", "COOLED, 180"})
        void a_thermal_lesion_from_60_to_180_seconds_inclusive_is_typical(RfaVariant variant, int seconds) {
            assertClean(ProcedureRules.check(aRadiofrequencyAblation(variant).secondsPerLesion(seconds).build()));
        }

        @ParameterizedTest(name = "pulsed for {0} s")
        @ValueSource(ints = {1, 60, 90, 119, 361, 1200})
        void pulsed_radiofrequency_outside_120_to_360_seconds_is_accepted_with_a_warning(int seconds) {
            RuleCheck check = ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.PULSED).secondsPerLesion(seconds).build());

            assertOnlyWarning(check, ProcedureRules.RFA_DURATION_UNUSUAL, "rfa.secondsPerLesion");
        }

        @ParameterizedTest(name = "pulsed for {0} s")
        @ValueSource(ints = {120, 240, 360})
        void pulsed_radiofrequency_from_120_to_360_seconds_inclusive_is_typical(int seconds) {
            assertClean(ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.PULSED).secondsPerLesion(seconds).build()));
        }

        @Test
        void the_duration_warning_names_the_variant_and_its_typical_window() {
            RuleCheck check = ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.COOLED).secondsPerLesion(200).build());

            assertThat(check.warnings()).containsExactly(new Warning(ProcedureRules.RFA_DURATION_UNUSUAL,
                    "rfa.secondsPerLesion",
                    "200 seconds per lesion is outside the typical 60–180 seconds for cooled radiofrequency ablation"));
        }

        @ParameterizedTest(name = "{0} lesions")
        @ValueSource(ints = {-1, 0})
        void an_ablation_without_a_lesion_is_refused(int lesions) {
            RuleCheck check = ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.CONVENTIONAL).lesionCount(lesions).build());

            assertOnlyViolation(check, "rfa.lesionCount");
            assertThat(check.violations().get(0).message()).startsWith("must be at least 1 lesion");
        }

        @ParameterizedTest(name = "{0} lesions")
        @ValueSource(ints = {31, 100})
        void more_than_thirty_lesions_in_one_procedure_is_refused(int lesions) {
            RuleCheck check = ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.CONVENTIONAL).lesionCount(lesions).build());

            assertOnlyViolation(check, "rfa.lesionCount",
                    "must be at most 30 lesions in one procedure (got " + lesions + ")");
        }

        @ParameterizedTest(name = "{0} lesions")
        @ValueSource(ints = {1, 2, 12, 30})
        void one_to_thirty_lesions_are_accepted(int lesions) {
            assertClean(ProcedureRules.check(
                    aRadiofrequencyAblation(RfaVariant.CONVENTIONAL).lesionCount(lesions).build()));
        }
    }

    @Nested
    class NerveBlock {

        @ParameterizedTest(name = "{0} mL")
        @ValueSource(strings = {"0", "0.0", "-1", "-0.1"})
        void a_block_of_no_volume_is_refused(String millilitres) {
            RuleCheck check = ProcedureRules.check(aNerveBlock().volumeMl(millilitres).build());

            assertOnlyViolation(check, "block.volumeMl");
            assertThat(check.violations().get(0).message()).startsWith("must be more than 0 mL (got ");
        }

        @ParameterizedTest(name = "{0} mL")
        @ValueSource(strings = {"100.1", "101", "250"})
        void a_block_of_more_than_100_millilitres_is_refused(String millilitres) {
            RuleCheck check = ProcedureRules.check(aNerveBlock().volumeMl(millilitres).build());

            assertOnlyViolation(check, "block.volumeMl",
                    "must be at most 100 mL for a nerve block (got " + millilitres + ")");
        }

        @ParameterizedTest(name = "{0} mL")
        @ValueSource(strings = {"0.1", "1", "5", "20", "100", "100.0"})
        void a_block_of_any_volume_up_to_100_millilitres_is_accepted(String millilitres) {
            assertClean(ProcedureRules.check(aNerveBlock().volumeMl(millilitres).build()));
        }

        @ParameterizedTest(name = "{0} %")
        @ValueSource(strings = {"0", "-0.25", "100.1", "250"})
        void a_concentration_outside_what_a_percentage_can_be_is_refused(String percent) {
            RuleCheck check = ProcedureRules.check(aNerveBlock().concentrationPercent(percent).build());

            assertOnlyViolation(check, "block.concentrationPercent");
            assertThat(check.violations().get(0).message()).startsWith("must be more than 0 and at most 100 % (got ");
        }

        @ParameterizedTest(name = "{0} %")
        @ValueSource(strings = {"0.01", "0.25", "0.5", "2", "100"})
        void a_concentration_above_0_up_to_100_percent_is_accepted(String percent) {
            assertClean(ProcedureRules.check(aNerveBlock().concentrationPercent(percent).build()));
        }

        @Test
        void an_unrecorded_concentration_is_accepted() {
            assertClean(ProcedureRules.check(aNerveBlock().concentrationPercent(null).build()));
        }
    }

    @Nested
    class Targets {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"FEMORAL", "GENICULAR", "intercostal", "Superomedial_Genicular", "T4"})
        void a_nerve_code_outside_the_catalogue_is_refused_and_points_at_the_catalogue(String code) {
            RuleCheck check = ProcedureRules.check(aNerveBlock().targets(target(code, Laterality.LEFT, null)).build());

            assertOnlyViolation(check, "targets[0].nerve", "'" + code + "' is not in the nerve catalogue:"
                    + " use a code from GET /api/procedures/catalogue/nerves");
        }

        @Test
        void a_target_without_a_nerve_is_left_to_bean_validation() {
            List<TargetSite> targets = new ArrayList<>();
            targets.add(null);
            targets.add(target(null, Laterality.LEFT, null));
            targets.add(target(" ", Laterality.LEFT, null));

            assertClean(ProcedureRules.check(aNerveBlock().targets(targets).build()));
        }

        @Test
        void no_target_at_all_is_left_to_bean_validation() {
            assertClean(ProcedureRules.check(aNerveBlock().targets().build()));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"T1", "T4", "T11", "T12"})
        void an_intercostal_nerve_at_a_thoracic_level_is_accepted(String level) {
            assertClean(ProcedureRules.check(aCryoneurolysis()
                    .targets(target("INTERCOSTAL", Laterality.LEFT, level)).build()));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void an_intercostal_nerve_without_a_level_is_refused(String level) {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis()
                    .targets(target("INTERCOSTAL", Laterality.LEFT, level)).build());

            assertOnlyViolation(check, "targets[0].level", "is required for Intercostal nerve (T1–T12)");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"T0", "T13", "L4", "C5", "t4", " T4", "4", "T04"})
        void an_intercostal_nerve_at_a_level_it_does_not_have_is_refused(String level) {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis()
                    .targets(target("INTERCOSTAL", Laterality.LEFT, level)).build());

            assertOnlyViolation(check, "targets[0].level",
                    "must be one of T1–T12 for Intercostal nerve (got " + level + ")");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"L1", "L3", "L5"})
        void a_lumbar_medial_branch_at_l1_to_l5_is_accepted(String level) {
            assertClean(ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.CONVENTIONAL)
                    .targets(target("LUMBAR_MEDIAL_BRANCH", Laterality.RIGHT, level)).build()));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"L0", "L6", "T12", "S1"})
        void a_lumbar_medial_branch_at_another_level_is_refused(String level) {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.CONVENTIONAL)
                    .targets(target("LUMBAR_MEDIAL_BRANCH", Laterality.RIGHT, level)).build());

            assertOnlyViolation(check, "targets[0].level",
                    "must be one of L1–L5 for Lumbar medial branch (got " + level + ")");
        }

        @Test
        void a_lumbar_medial_branch_without_a_level_is_refused() {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.CONVENTIONAL)
                    .targets(target("LUMBAR_MEDIAL_BRANCH", Laterality.RIGHT, null)).build());

            assertOnlyViolation(check, "targets[0].level", "is required for Lumbar medial branch (L1–L5)");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"C2", "C4", "C7"})
        void a_cervical_medial_branch_at_c2_to_c7_is_accepted(String level) {
            assertClean(ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.CONVENTIONAL)
                    .targets(target("CERVICAL_MEDIAL_BRANCH", Laterality.LEFT, level)).build()));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"C1", "C8", "T1"})
        void a_cervical_medial_branch_at_another_level_is_refused(String level) {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.CONVENTIONAL)
                    .targets(target("CERVICAL_MEDIAL_BRANCH", Laterality.LEFT, level)).build());

            assertOnlyViolation(check, "targets[0].level",
                    "must be one of C2–C7 for Cervical medial branch (got " + level + ")");
        }

        @Test
        void a_cervical_medial_branch_without_a_level_is_refused() {
            RuleCheck check = ProcedureRules.check(aRadiofrequencyAblation(RfaVariant.CONVENTIONAL)
                    .targets(target("CERVICAL_MEDIAL_BRANCH", Laterality.LEFT, null)).build());

            assertOnlyViolation(check, "targets[0].level", "is required for Cervical medial branch (C2–C7)");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.clinictracker.procedures.rules.ProcedureRulesTest#nervesWithoutLevels")
        void a_level_on_a_nerve_that_has_none_is_refused(TargetNerve nerve) {
            RuleCheck check = ProcedureRules.check(aNerveBlock()
                    .targets(new TargetSite(nerve.name(), Laterality.LEFT, "T4", "described")).build());

            assertOnlyViolation(check, "targets[0].level",
                    "must be left out: " + nerve.displayName() + " has no spinal level (got T4)");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.clinictracker.procedures.rules.ProcedureRulesTest#nervesWithoutLevels")
        void a_nerve_without_levels_is_accepted_with_no_level_or_a_blank_one(TargetNerve nerve) {
            assertClean(ProcedureRules.check(aNerveBlock()
                    .targets(new TargetSite(nerve.name(), Laterality.LEFT, null, "described"),
                            new TargetSite(nerve.name(), Laterality.RIGHT, "", "described"))
                    .build()));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void another_nerve_must_be_described(String description) {
            RuleCheck check = ProcedureRules.check(aNerveBlock()
                    .targets(new TargetSite("OTHER", Laterality.LEFT, null, description)).build());

            assertOnlyViolation(check, "targets[0].description",
                    "is required when the nerve is OTHER: name the nerve treated");
        }

        @Test
        void a_described_other_nerve_is_accepted() {
            assertClean(ProcedureRules.check(aNerveBlock()
                    .targets(new TargetSite("OTHER", Laterality.LEFT, null, "Ilioinguinal nerve")).build()));
        }

        @Test
        void a_description_on_a_catalogue_nerve_is_welcome_detail() {
            assertClean(ProcedureRules.check(aCryoneurolysis()
                    .targets(new TargetSite("INTERCOSTAL", Laterality.LEFT, "T5", "over the thoracotomy scar")).build()));
        }

        @Test
        void each_target_is_named_by_its_place_in_the_list() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().targets(
                    target("INTERCOSTAL", Laterality.LEFT, "T4"),
                    target("INTERCOSTAL", Laterality.LEFT, "T13"),
                    target("SUPRASCAPULAR", Laterality.RIGHT, "C5"),
                    new TargetSite("OTHER", Laterality.MIDLINE, null, null)).build());

            assertThat(check.violations()).extracting(FieldError::field).containsExactly(
                    "targets[1].level", "targets[2].level", "targets[3].description");
        }

        @Test
        void the_same_nerve_on_the_same_side_at_the_same_level_twice_is_refused() {
            RuleCheck check = ProcedureRules.check(aCryoneurolysis().targets(
                    target("INTERCOSTAL", Laterality.LEFT, "T4"),
                    target("INTERCOSTAL", Laterality.LEFT, "T5"),
                    target("INTERCOSTAL", Laterality.LEFT, "T4")).build());

            assertOnlyViolation(check, "targets[2]",
                    "repeats targets[0] (same nerve, side and level): list each target once");
        }

        @Test
        void the_same_knee_nerve_on_the_same_side_twice_is_refused() {
            RuleCheck check = ProcedureRules.check(aKneeCryoneurolysis().targets(
                    target("SUPEROMEDIAL_GENICULAR", Laterality.RIGHT, null),
                    target("SUPEROMEDIAL_GENICULAR", Laterality.RIGHT, null)).build());

            assertOnlyViolation(check, "targets[1]", "repeats targets[0] (same nerve and side): list each target once");
        }

        @Test
        void each_further_repeat_is_refused_against_the_first() {
            RuleCheck check = ProcedureRules.check(aKneeCryoneurolysis().targets(
                    target("SUPEROLATERAL_GENICULAR", Laterality.LEFT, null),
                    target("SUPEROLATERAL_GENICULAR", Laterality.LEFT, null),
                    target("SUPEROLATERAL_GENICULAR", Laterality.LEFT, null)).build());

            assertThat(check.violations()).extracting(FieldError::field, FieldError::message).containsExactly(
                    tuple("targets[1]",
                            "repeats targets[0] (same nerve and side): list each target once"),
                    tuple("targets[2]",
                            "repeats targets[0] (same nerve and side): list each target once"));
        }

        @Test
        void the_same_nerve_on_both_sides_or_at_two_levels_is_two_targets() {
            assertClean(ProcedureRules.check(aCryoneurolysis().targets(
                    target("INTERCOSTAL", Laterality.LEFT, "T4"),
                    target("INTERCOSTAL", Laterality.RIGHT, "T4"),
                    target("INTERCOSTAL", Laterality.LEFT, "T5")).build()));
        }

        @Test
        void two_different_other_nerves_on_the_same_side_are_two_targets() {
            assertClean(ProcedureRules.check(aNerveBlock().targets(
                    new TargetSite("OTHER", Laterality.LEFT, null, "Ilioinguinal nerve"),
                    new TargetSite("OTHER", Laterality.LEFT, null, "Iliohypogastric nerve")).build()));
        }

        @Test
        void the_same_other_nerve_described_twice_on_the_same_side_is_refused() {
            RuleCheck check = ProcedureRules.check(aNerveBlock().targets(
                    new TargetSite("OTHER", Laterality.LEFT, null, "Ilioinguinal nerve"),
                    new TargetSite("OTHER", Laterality.LEFT, null, "ilioinguinal NERVE")).build());

            assertOnlyViolation(check, "targets[1]");
        }

        @Test
        void the_same_unknown_code_twice_is_refused_for_the_code_and_for_the_repeat() {
            RuleCheck check = ProcedureRules.check(aNerveBlock().targets(
                    target("FEMORAL", Laterality.LEFT, null),
                    target("FEMORAL", Laterality.LEFT, null)).build());

            assertThat(check.violations()).extracting(FieldError::field)
                    .containsExactly("targets[0].nerve", "targets[1].nerve", "targets[1]");
        }
    }

    static Stream<TargetNerve> kneeNerves() {
        return Arrays.stream(TargetNerve.values()).filter(TargetNerve::isKnee);
    }

    static Stream<TargetNerve> nervesWithoutLevels() {
        return Arrays.stream(TargetNerve.values()).filter(nerve -> !nerve.needsLevel());
    }

    private static void assertClean(RuleCheck check) {
        assertThat(check.violations()).isEmpty();
        assertThat(check.warnings()).isEmpty();
        assertThat(check.passes()).isTrue();
    }

    private static void assertOnlyViolation(RuleCheck check, String field) {
        assertThat(check.violations()).extracting(FieldError::field).containsExactly(field);
        assertThat(check.warnings()).isEmpty();
        assertThat(check.passes()).isFalse();
    }

    private static void assertOnlyViolation(RuleCheck check, String field, String message) {
        assertThat(check.violations()).containsExactly(new FieldError(field, message));
        assertThat(check.warnings()).isEmpty();
        assertThat(check.passes()).isFalse();
    }

    private static void assertOnlyWarning(RuleCheck check, String code, String field) {
        assertThat(check.violations()).isEmpty();
        assertThat(check.passes()).isTrue();
        assertThat(check.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.code()).isEqualTo(code);
            assertThat(warning.field()).isEqualTo(field);
            assertThat(warning.message()).isNotBlank();
        });
    }

    private static TargetSite target(String nerve, Laterality laterality, String level) {
        return new TargetSite(nerve, laterality, level, null);
    }

    private static List<FreezeCycle> cycles(int... seconds) {
        return Arrays.stream(seconds).mapToObj(FreezeCycle::new).toList();
    }

    private static CryoParameters aCryo() {
        return new CryoParameters(new BigDecimal("-80"), cycles(90, 90), 30, true);
    }

    private static RfaParameters conventionalRfa() {
        return new RfaParameters(RfaVariant.CONVENTIONAL, new BigDecimal("80"), 90, 3);
    }

    private static BlockParameters aBlock() {
        return new BlockParameters(BlockPurpose.DIAGNOSTIC, "Bupivacaine", new BigDecimal("0.25"), new BigDecimal("5"), null);
    }

    /** Post-thoracotomy pain: left T4 intercostal nerve at −80 °C, two 90-second freezes. */
    private static Case aCryoneurolysis() {
        return new Case(Modality.CRYONEUROLYSIS, Indication.CHRONIC_POSTOPERATIVE_PAIN)
                .targets(target("INTERCOSTAL", Laterality.LEFT, "T4"))
                .cryo(aCryo());
    }

    /** Knee osteoarthritis: the three genicular nerves of the right knee at −80 °C. */
    private static Case aKneeCryoneurolysis() {
        return new Case(Modality.CRYONEUROLYSIS, Indication.KNEE_OSTEOARTHRITIS)
                .targets(target("SUPEROMEDIAL_GENICULAR", Laterality.RIGHT, null),
                        target("SUPEROLATERAL_GENICULAR", Laterality.RIGHT, null),
                        target("INFEROMEDIAL_GENICULAR", Laterality.RIGHT, null))
                .cryo(aCryo());
    }

    /** Facet pain: right L4 medial branch, at the variant's textbook temperature and duration. */
    private static Case aRadiofrequencyAblation(RfaVariant variant) {
        RfaParameters rfa = switch (variant) {
            case CONVENTIONAL -> conventionalRfa();
            case COOLED -> new RfaParameters(RfaVariant.COOLED, new BigDecimal("60"), 150, 2);
            case PULSED -> new RfaParameters(RfaVariant.PULSED, new BigDecimal("42"), 240, 2);
        };
        return new Case(Modality.RADIOFREQUENCY_ABLATION, Indication.LOW_BACK_FACET_PAIN)
                .targets(target("LUMBAR_MEDIAL_BRANCH", Laterality.RIGHT, "L4"))
                .rfa(rfa);
    }

    /** Occipital neuralgia: a diagnostic block of the left greater occipital nerve, 5 mL bupivacaine 0.25 %. */
    private static Case aNerveBlock() {
        return new Case(Modality.NERVE_BLOCK, Indication.OCCIPITAL_NEURALGIA)
                .targets(target("GREATER_OCCIPITAL", Laterality.LEFT, null))
                .block(aBlock());
    }

    /** A procedure for a test, starting from a textbook case and changed one value at a time. */
    static final class Case {
        private Modality modality;
        private final Indication indication;
        private List<TargetSite> targets = List.of();
        private CryoParameters cryo;
        private RfaParameters rfa;
        private BlockParameters block;

        Case(Modality modality, Indication indication) {
            this.modality = modality;
            this.indication = indication;
        }

        Case modality(Modality value) { modality = value; return this; }
        Case targets(TargetSite... value) { targets = Arrays.asList(value); return this; }
        Case targets(List<TargetSite> value) { targets = value; return this; }
        Case cryo(CryoParameters value) { cryo = value; return this; }
        Case rfa(RfaParameters value) { rfa = value; return this; }
        Case block(BlockParameters value) { block = value; return this; }

        Case probeTemperature(String celsius) {
            return cryo(new CryoParameters(new BigDecimal(celsius), cryo.cycles(), cryo.thawSeconds(), cryo.iceBallVisualized()));
        }

        Case cycles(int... seconds) {
            return cryo(new CryoParameters(cryo.probeTemperatureCelsius(), ProcedureRulesTest.cycles(seconds),
                    cryo.thawSeconds(), cryo.iceBallVisualized()));
        }

        Case thawSeconds(Integer seconds) {
            return cryo(new CryoParameters(cryo.probeTemperatureCelsius(), cryo.cycles(), seconds, cryo.iceBallVisualized()));
        }

        Case variant(RfaVariant variant) {
            return rfa(new RfaParameters(variant, rfa.lesionTemperatureCelsius(), rfa.secondsPerLesion(), rfa.lesionCount()));
        }

        Case lesionTemperature(String celsius) {
            return rfa(new RfaParameters(rfa.variant(), new BigDecimal(celsius), rfa.secondsPerLesion(), rfa.lesionCount()));
        }

        Case secondsPerLesion(int seconds) {
            return rfa(new RfaParameters(rfa.variant(), rfa.lesionTemperatureCelsius(), seconds, rfa.lesionCount()));
        }

        Case lesionCount(int lesions) {
            return rfa(new RfaParameters(rfa.variant(), rfa.lesionTemperatureCelsius(), rfa.secondsPerLesion(), lesions));
        }

        Case volumeMl(String millilitres) {
            return block(new BlockParameters(block.purpose(), block.agent(), block.concentrationPercent(),
                    new BigDecimal(millilitres), block.adjuvant()));
        }

        Case concentrationPercent(String percent) {
            return block(new BlockParameters(block.purpose(), block.agent(),
                    percent == null ? null : new BigDecimal(percent), block.volumeMl(), block.adjuvant()));
        }

        ProcedureDetails build() {
            return new ProcedureDetails(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                    Instant.parse("2025-03-04T10:15:00Z"), modality, new IndicationEntry(indication, null), targets,
                    ImagingGuidance.ULTRASOUND, new Device("test probe", "16G"), cryo, rfa, block, "Lidocaine 1 %",
                    null, 7, 2, null, List.of(), null, null, null);
        }
    }
}
