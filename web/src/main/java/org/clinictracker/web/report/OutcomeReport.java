package org.clinictracker.web.report;

import java.util.List;
import java.util.Map;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * The API's outcome report read for the page: the whole scope first, then the groups by modality, indication and
 * target nerve, each as {@link GroupFigures}; nerves named from the catalogue where the report gives only a code.
 */
public record OutcomeReport(GroupFigures overall, List<GroupFigures> byModality, List<GroupFigures> byIndication,
        List<GroupFigures> byNerve, String generatedAt) {

    static OutcomeReport of(Map<String, Object> report, Map<String, String> nerveNames, ClinicalTerms terms) {
        Map<?, ?> answer = report == null ? Map.of() : report;
        return new OutcomeReport(
                GroupFigures.of(Answer.map(answer, "overall"), "All procedures in scope"),
                groups(answer, "byModality", Map.of()),
                groups(answer, "byIndication", Map.of()),
                groups(answer, "byNerve", nerveNames),
                terms.time(answer.get("generatedAt")));
    }

    /** No procedure in scope: the page says so instead of drawing empty tables and charts. */
    public boolean isEmpty() {
        return overall.procedures() == 0;
    }

    private static List<GroupFigures> groups(Map<?, ?> answer, String member, Map<String, String> names) {
        return Answer.maps(answer, member).stream()
                .map(group -> GroupFigures.of(group, label(group, names)))
                .toList();
    }

    /** A nerve in the catalogue's words (followup-service has no catalogue), else the report's words for the group. */
    private static String label(Map<?, ?> group, Map<String, String> names) {
        String code = Answer.text(group, "code");
        String label = Answer.text(group, "label");
        if (code != null && names.containsKey(code)) {
            return names.get(code);
        }
        if (label != null && !label.isBlank()) {
            return ClinicalTerms.inWords(label);
        }
        return code == null ? "Unnamed group" : ClinicalTerms.inWords(code);
    }
}
