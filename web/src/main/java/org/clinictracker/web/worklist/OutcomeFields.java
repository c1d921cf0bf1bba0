package org.clinictracker.web.worklist;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * How the worklist's in-row forms name their fields in a problem summary ({@code @outcomeFields}): the outcome form's,
 * the reschedule form's two and a correction's reason at the end.
 */
@Component("outcomeFields")
public class OutcomeFields {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("painScore", "Pain score"),
            Map.entry("reliefPercent", "Relief %"),
            Map.entry("functionScore", "Function score"),
            Map.entry("functionScore.instrument", "Function questionnaire"),
            Map.entry("functionScore.value", "Function score"),
            Map.entry("painAverage", "Average pain (PEG)"),
            Map.entry("pegEnjoyment", "Enjoyment of life (PEG)"),
            Map.entry("pegActivity", "General activity (PEG)"),
            Map.entry("opioidMmePerDay", "Opioids (MME/day)"),
            Map.entry("satisfaction", "Satisfaction"),
            Map.entry("sensationReturned", "Sensation returned"),
            Map.entry("adverseEvents", "Adverse event"),
            Map.entry("adverseEvents[0].type", "Adverse event type"),
            Map.entry("adverseEvents[0].description", "Adverse event description"),
            Map.entry("adverseEvents[0].severity", "Adverse event severity"),
            Map.entry("adverseEvents[0].serious", "Adverse event serious"),
            Map.entry("adverseEvents[0].onsetOn", "Adverse event onset"),
            Map.entry("adverseEvents[0].outcome", "Adverse event outcome"),
            Map.entry("notes", "Notes"),
            Map.entry("assessedOn", "Assessed on"),
            Map.entry("dueOn", "New due day"),
            Map.entry("reason", "Reason"),
            Map.entry("amendmentReason", "Why"));

    /** The label a person sees for an API field name; an unknown field keeps its name. */
    public String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
