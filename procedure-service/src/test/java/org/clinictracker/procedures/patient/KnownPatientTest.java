package org.clinictracker.procedures.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.clinictracker.procedures.patient.KnownPatient.ClearanceGap;
import org.clinictracker.procedures.patient.KnownPatient.LatestScreening;
import org.clinictracker.procedures.patient.KnownPatient.ModalityScreening;
import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whether a procedure of a modality may be recorded, from what the replica holds: every screening state
 * (never screened, published before per-modality screening, each result with and without an override)
 * for every modality, with and without a consent for it.
 */
class KnownPatientTest {

    private static final ScreeningResult OK = ScreeningResult.ELIGIBLE;
    private static final ScreeningResult NO = ScreeningResult.NOT_ELIGIBLE;
    private static final ScreeningResult REVIEW = ScreeningResult.NEEDS_REVIEW;

    /** The treated modality's verdict: what the rules found and a proceduralist's override, if any. */
    record Verdict(ScreeningResult found, ScreeningResult override) {
        ScreeningResult effective() {
            return override == null ? found : override;
        }

        @Override
        public String toString() {
            return found + (override == null ? "" : " overridden " + override);
        }
    }

    static Stream<Arguments> everyVerdictForEveryModalityWithAndWithoutConsent() {
        List<Verdict> verdicts = new ArrayList<>();
        for (ScreeningResult found : ScreeningResult.values()) {
            verdicts.add(new Verdict(found, null));
            for (ScreeningResult override : ScreeningResult.values()) {
                verdicts.add(new Verdict(found, override));
            }
        }
        return Arrays.stream(Modality.values()).flatMap(modality -> verdicts.stream()
                .flatMap(verdict -> Stream.of(true, false).map(consented -> Arguments.of(modality, verdict, consented))));
    }

    @ParameterizedTest(name = "{0}: {1}, consented={2}")
    @MethodSource("everyVerdictForEveryModalityWithAndWithoutConsent")
    void only_the_treated_modalitys_verdict_and_consent_count(Modality treated, Verdict verdict, boolean consented) {
        // every other modality gets the opposite fortune, so a mix-up between modalities shows
        List<ModalityScreening> modalities = Arrays.stream(Modality.values())
                .map(m -> m == treated
                        ? new ModalityScreening(m, verdict.found(), codes(verdict.found()), verdict.override(),
                                verdict.effective())
                        : new ModalityScreening(m, verdict.effective() == NO ? OK : NO, List.of("COLD_INTOLERANCE"),
                                null, verdict.effective() == NO ? OK : NO))
                .toList();
        Set<Modality> consents = consented ? EnumSet.of(treated) : EnumSet.complementOf(EnumSet.of(treated));
        KnownPatient patient = patient(screening(OK, modalities), consents);

        assertThat(patient.refusalReason(treated).isPresent()).as("refused").isEqualTo(verdict.effective() == NO);
        List<String> expectedGaps = new ArrayList<>();
        if (verdict.effective() == REVIEW) {
            expectedGaps.add(ClearanceGap.SCREENING_NEEDS_REVIEW);
        }
        if (!consented) {
            expectedGaps.add(ClearanceGap.CONSENT_MISSING);
        }
        assertThat(patient.clearanceGaps(treated)).extracting(ClearanceGap::code).containsExactlyElementsOf(expectedGaps);
    }

    @Test
    void a_patient_never_screened_is_not_refused_but_not_cleared_either() {
        for (Modality modality : Modality.values()) {
            KnownPatient patient = patient(null, EnumSet.allOf(Modality.class));

            assertThat(patient.refusalReason(modality)).isEmpty();
            assertThat(patient.clearanceGaps(modality)).extracting(ClearanceGap::code)
                    .containsExactly(ClearanceGap.NOT_SCREENED);
        }
    }

    @Test
    void a_screening_published_before_screenings_followed_the_modality_clears_no_modality_but_still_refuses() {
        for (Modality modality : Modality.values()) {
            KnownPatient eligible = patient(screening(OK, List.of()), EnumSet.allOf(Modality.class));
            KnownPatient notEligible = patient(screening(NO, List.of()), EnumSet.allOf(Modality.class));

            assertThat(eligible.refusalReason(modality)).isEmpty();
            assertThat(eligible.clearanceGaps(modality)).extracting(ClearanceGap::code)
                    .containsExactly(ClearanceGap.MODALITY_NOT_SCREENED);
            assertThat(notEligible.refusalReason(modality)).hasValueSatisfying(
                    reason -> assertThat(reason).contains("ACTIVE_INFECTION").contains(modality.name()));
        }
    }

    @Test
    void the_refusal_says_whether_the_rules_or_an_override_ruled_the_modality_out() {
        Modality cryo = Modality.CRYONEUROLYSIS;
        KnownPatient byRules = patient(screening(OK, List.of(
                new ModalityScreening(cryo, NO, List.of("COLD_INTOLERANCE"), null, NO))), Set.of(cryo));
        KnownPatient byOverride = patient(screening(OK, List.of(
                new ModalityScreening(cryo, OK, List.of(), NO, NO))), Set.of(cryo));

        assertThat(byRules.refusalReason(cryo)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Candidacy screening").contains("COLD_INTOLERANCE").contains("must override"));
        assertThat(byOverride.refusalReason(cryo)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("A proceduralist's override"));
    }

    private static List<String> codes(ScreeningResult result) {
        return switch (result) {
            case NOT_ELIGIBLE -> List.of("ACTIVE_INFECTION");
            case NEEDS_REVIEW -> List.of("INCOMPLETE_ANSWERS");
            case ELIGIBLE -> List.of();
        };
    }

    private static LatestScreening screening(ScreeningResult headline, List<ModalityScreening> modalities) {
        return new LatestScreening(UUID.randomUUID(), headline, codes(headline), null, headline, Instant.now(),
                modalities);
    }

    private static KnownPatient patient(LatestScreening screening, Set<Modality> consents) {
        return new KnownPatient(UUID.randomUUID(), "CT-000001-8", "Silva, Maria", LocalDate.of(1958, 3, 2), "FEMALE", 0,
                screening, consents);
    }
}
