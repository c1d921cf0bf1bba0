package org.clinictracker.democlinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clinictracker.democlinic.FollowUpCourse.VisitReport;
import org.junit.jupiter.api.Test;

/**
 * The demo clinic's data tells a consistent year: the stories only document visits the default protocols have and
 * that are already due, repeats come after the course that led to them, and the decisions are on courses whose
 * relief waned. The system test proves the clinic accepts it; these catch a slip in the data in a second.
 */
class DemoClinicPatientsTest {

    /** The default protocols' visits and their offsets in days (followup-service's V1 migration). */
    private static final Map<String, Map<String, Integer>> PROTOCOLS = Map.of(
            "CRYONEUROLYSIS", Map.of("DAY_2", 2, "WEEK_2", 14, "WEEK_6", 42, "MONTH_3", 90, "MONTH_6", 180,
                    "MONTH_9", 270, "MONTH_12", 360),
            "RADIOFREQUENCY_ABLATION", Map.of("WEEK_2", 14, "MONTH_3", 90, "MONTH_6", 180, "MONTH_9", 270),
            "NERVE_BLOCK", Map.of("DAY_1", 1, "WEEK_2", 14));

    private final List<DemoPatient> patients = DemoClinicPatients.all();

    @Test
    void a_small_clinic_with_every_modality_and_varied_screenings() {
        assertThat(patients).hasSizeBetween(25, 40);
        assertThat(patients.stream().flatMap(p -> p.treatments.stream()).map(t -> t.modality))
                .contains("CRYONEUROLYSIS", "RADIOFREQUENCY_ABLATION", "NERVE_BLOCK");
        assertThat(patients).anySatisfy(p -> assertThat(p.override).isNotNull());
        assertThat(patients).anySatisfy(p -> assertThat(p.screening).containsEntry("activeInfection", true));
        Set<String> names = new HashSet<>();
        assertThat(patients).allSatisfy(p -> assertThat(names.add(p.displayName() + p.birthDate)).isTrue());
    }

    @Test
    void every_documented_visit_is_in_the_protocol_and_already_due() {
        for (DemoPatient patient : patients) {
            for (Treatment treatment : patient.treatments) {
                Map<String, Integer> protocol = PROTOCOLS.get(treatment.modality);
                for (VisitReport visit : treatment.course.visits()) {
                    assertThat(protocol).as("%s %s", patient.displayName(), treatment.modality).containsKey(visit.label());
                    assertThat(protocol.get(visit.label())).as("%s %s due", patient.displayName(), visit.label())
                            .isLessThanOrEqualTo(treatment.daysAgo);
                }
            }
        }
    }

    @Test
    void a_later_treatment_comes_after_the_course_of_the_one_before() {
        for (DemoPatient patient : patients) {
            for (int i = 1; i < patient.treatments.size(); i++) {
                Treatment before = patient.treatments.get(i - 1);
                int lastVisitDaysAgo = before.daysAgo - before.course.visits().stream()
                        .mapToInt(v -> PROTOCOLS.get(before.modality).get(v.label())).max().orElse(0);
                assertThat(patient.treatments.get(i).daysAgo).as(patient.displayName()).isLessThan(lastVisitDaysAgo);
            }
        }
    }

    @Test
    void decisions_are_taken_on_courses_whose_relief_waned_and_repeats_are_in_the_data() {
        int repeatsOfTheSameTreatment = 0;
        for (DemoPatient patient : patients) {
            for (int i = 0; i < patient.treatments.size(); i++) {
                Treatment treatment = patient.treatments.get(i);
                if (treatment.decision != null) {
                    assertThat(wanes(treatment)).as("%s's course wanes", patient.displayName()).isTrue();
                }
                if (i > 0 && patient.treatments.get(i - 1).modality.equals(treatment.modality)
                        && patient.treatments.get(i - 1).targets.equals(treatment.targets)) {
                    repeatsOfTheSameTreatment++;
                }
            }
        }
        assertThat(repeatsOfTheSameTreatment).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_course_notation_reads_label_pain_sensation_and_complication() {
        FollowUpCourse course = FollowUpCourse.parse("DAY_2 4, WEEK_2 3 +SKIN_DISCOLORATION, MONTH_6 5 sensation");
        assertThat(course.visits()).extracting(VisitReport::label).containsExactly("DAY_2", "WEEK_2", "MONTH_6");
        assertThat(course.visits().get(1).noticedAdverseEvent()).contains("SKIN_DISCOLORATION");
        assertThat(course.visits().get(2).sensationReturned()).isTrue();
        assertThatThrownBy(() -> FollowUpCourse.parse("DAY_2 11")).hasMessageContaining("0-10");
        assertThatThrownBy(() -> FollowUpCourse.parse("DAY_2 4 numb")).hasMessageContaining("numb");
    }

    /** Responder (pain at most half the pain before) at one visit, then no longer at a later one. */
    private static boolean wanes(Treatment treatment) {
        boolean responded = false;
        for (VisitReport visit : treatment.course.visits()) {
            boolean responder = 2 * visit.painScore() <= treatment.painBefore;
            if (responded && !responder) {
                return true;
            }
            responded |= responder;
        }
        return false;
    }
}
