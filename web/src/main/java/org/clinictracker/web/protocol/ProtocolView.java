package org.clinictracker.web.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * One version of a modality's follow-up protocol as the admin reads it: the modality and visits in words
 * ("Radiofrequency ablation", "Month 3"), each visit's window as days after the procedure.
 * (Public, with public accessors: the templates read it.)
 */
public record ProtocolView(String modality, String name, int version, String changedBy, String changedAt,
        List<Visit> visits) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A visit: due {@code offsetDays} after the procedure, open from {@code windowStart} to {@code windowEnd}. */
    public record Visit(String label, String name, int offsetDays, int windowBeforeDays, int windowAfterDays) {

        public int windowStart() {
            return offsetDays - windowBeforeDays;
        }

        public int windowEnd() {
            return offsetDays + windowAfterDays;
        }
    }

    /** From the API's answer ({@code modality}, {@code version}, {@code visits}, {@code changedBy}, {@code changedAt}). */
    static ProtocolView of(Map<String, Object> protocol) {
        String modality = String.valueOf(protocol.get("modality"));
        List<Visit> visits = protocol.get("visits") instanceof List<?> list ? list.stream()
                .filter(Map.class::isInstance).map(Map.class::cast)
                .map(visit -> new Visit(String.valueOf(visit.get("label")), ClinicalTerms.inWords(visit.get("label")),
                        number(visit.get("offsetDays")), number(visit.get("windowBeforeDays")),
                        number(visit.get("windowAfterDays"))))
                .toList() : List.of();
        Object changedAt = protocol.get("changedAt");
        return new ProtocolView(modality, ClinicalTerms.inWords(modality), number(protocol.get("version")),
                protocol.get("changedBy") == null ? "" : String.valueOf(protocol.get("changedBy")),
                changedAt == null ? "" : WHEN.format(Instant.parse(String.valueOf(changedAt))), visits);
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
