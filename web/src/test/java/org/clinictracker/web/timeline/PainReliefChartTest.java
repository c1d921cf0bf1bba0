package org.clinictracker.web.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.terms.ClinicalTerms;
import org.junit.jupiter.api.Test;

class PainReliefChartTest {

    private final TimelineWords words = new TimelineWords(new ClinicalTerms());

    @Test
    @SuppressWarnings("unchecked")
    void pain_and_relief_are_placed_in_days_since_the_first_procedure_with_each_procedure_marked() {
        PainReliefChart chart = PainReliefChart.of(TimelinePageTests.knee(), words);

        assertThat(chart.firstDay()).isEqualTo(LocalDate.parse("2026-02-19"));
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) ((Map<String, Object>) chart.config().get("data"))
                .get("datasets");
        assertThat(datasets).extracting(set -> set.get("label")).containsExactly("Pain (0–10)", "Relief %", "Procedure");
        assertThat(datasets.get(0).get("data")).isEqualTo(List.of(Map.of("x", 0L, "y", 7), Map.of("x", 14L, "y", 3),
                Map.of("x", 180L, "y", 5), Map.of("x", 200L, "y", 6)));
        assertThat(datasets.get(1).get("data")).isEqualTo(List.of(Map.of("x", 14L, "y", 55), Map.of("x", 180L, "y", 30)));
        assertThat(datasets.get(2).get("data")).isEqualTo(List.of(Map.of("x", 0L, "y", 10), Map.of("x", 200L, "y", 10)));
        assertThat(datasets.get(2)).containsEntry("type", "scatter").containsEntry("pointStyle", "triangle");
        assertThat(datasets.get(0)).containsEntry("yAxisID", "pain");
        assertThat(datasets.get(1)).containsEntry("yAxisID", "relief");
    }

    @Test
    void a_patient_without_procedures_or_measures_has_an_empty_chart() {
        assertThat(PainReliefChart.of(List.of(), words).isEmpty()).isTrue();
    }
}
