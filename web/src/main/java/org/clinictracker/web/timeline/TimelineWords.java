package org.clinictracker.web.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.terms.ClinicalTerms;
import org.springframework.stereotype.Component;

/** Each timeline entry in the clinic's words: what happened and the little that matters about it. */
@Component
public class TimelineWords {

    private final ClinicalTerms words;

    TimelineWords(ClinicalTerms words) {
        this.words = words;
    }

    /** One line of the timeline list. {@code badge}: a word that must stand out (serious, waning), or null. */
    public record Line(String day, String what, String details, String badge) {
    }

    public Line line(Map<String, Object> entry) {
        Map<?, ?> d = entry.get("detail") instanceof Map<?, ?> map ? map : Map.of();
        String day = String.valueOf(entry.get("day"));
        return switch (String.valueOf(entry.get("kind"))) {
            case "PROCEDURE" -> new Line(day, "Procedure: " + procedure(d),
                    join(words.targets(d.get("targets")), d.get("painBefore") == null ? null : "pain before " + d.get("painBefore") + "/10",
                            Boolean.TRUE.equals(d.get("earlyRepeat")) ? "early repeat (within 90 days)" : null), null);
            case "PLAN" -> new Line(day, "Follow-up plan started",
                    join(d.get("baselinePainScore") == null ? "no baseline pain score" : "baseline pain " + d.get("baselinePainScore") + "/10",
                            d.get("responderSince") == null ? null : "responder since " + d.get("responderSince"),
                            d.get("reliefEndedOn") == null ? null : "relief ended " + d.get("reliefEndedOn"),
                            d.get("expectedReliefEnd") instanceof Map<?, ?> end && end.get("likely") != null
                                    ? "relief expected to end about " + end.get("likely") : null), null);
            case "ADVERSE_EVENT" -> new Line(day, "Adverse event: " + words.of(d.get("type")),
                    join(d.get("description") == null ? null : String.valueOf(d.get("description")),
                            words.of(d.get("severity")).toLowerCase(), words.of(d.get("outcome")).toLowerCase(),
                            "FOLLOW_UP_VISIT".equals(d.get("source")) ? "noticed at a follow-up visit" : "reported on the procedure record"),
                    Boolean.TRUE.equals(d.get("serious")) ? "Serious" : null);
            case "VISIT" -> new Line(day, words.of(d.get("label")) + " visit: " + words.of(d.get("status")).toLowerCase(),
                    join("window " + d.get("windowStart") + " to " + d.get("windowEnd"),
                            d.get("assignee") == null ? null : "assigned to " + d.get("assignee"),
                            "SAFETY_CHECK".equals(d.get("visitKind")) ? "safety check" : null), null);
            case "OUTCOME" -> new Line(day, reportedByThePatient(d) ? "Outcome reported by the patient" : "Outcome documented",
                    join(d.get("painScore") == null ? null : "pain " + d.get("painScore") + "/10",
                            d.get("reliefPercent") == null ? null : "relief " + d.get("reliefPercent") + " %",
                            Boolean.TRUE.equals(d.get("responder")) ? "responder"
                                    : Boolean.FALSE.equals(d.get("responder")) ? "not a responder" : null,
                            Boolean.TRUE.equals(d.get("waningRelief")) ? words.phrase(d.get("waningReasons")) : null,
                            Boolean.TRUE.equals(d.get("documentedLate")) ? "documented late" : null),
                    Boolean.TRUE.equals(d.get("waningRelief")) ? "Waning relief" : null);
            case "RESCHEDULE" -> new Line(day, "Visit moved from " + d.get("fromDueOn") + " to " + d.get("toDueOn"),
                    join(d.get("reason") == null ? null : String.valueOf(d.get("reason")),
                            d.get("rescheduledBy") == null ? null : "by " + d.get("rescheduledBy")), null);
            case "REPEAT_CANDIDATE" -> new Line(day, "Repeat-treatment candidate: " + words.of(d.get("status")).toLowerCase(),
                    join(words.phrase(d.get("reasons")), d.get("decisionReason") == null ? null : String.valueOf(d.get("decisionReason"))),
                    null);
            default -> new Line(day, words.of(entry.get("kind")), "", null);
        };
    }

    /**
     * Whether the patient answered the visit's questions themselves (through their link): the outcome says so
     * ({@code reportedBy}), and its recorder is then {@code patient}.
     */
    static boolean reportedByThePatient(Map<?, ?> outcome) {
        return "PATIENT".equals(outcome.get("reportedBy")) || "patient".equals(outcome.get("recordedBy"));
    }

    /** "Cryoneurolysis, treatment 2". */
    public String procedure(Map<?, ?> detail) {
        Object number = detail.get("treatmentNumber");
        return words.of(detail.get("modality"))
                + (number instanceof Number n && n.intValue() > 1 ? ", treatment " + n : "");
    }

    /** "Outcome at the Month 3 visit". */
    public String outcomeOf(Object visitLabel) {
        return visitLabel == null ? "Outcome" : "Outcome at the " + words.of(visitLabel) + " visit";
    }

    private static String join(Object... parts) {
        List<String> shown = new ArrayList<>();
        for (Object part : parts) {
            if (part != null && !String.valueOf(part).isBlank()) {
                shown.add(String.valueOf(part));
            }
        }
        return String.join("; ", shown);
    }
}
