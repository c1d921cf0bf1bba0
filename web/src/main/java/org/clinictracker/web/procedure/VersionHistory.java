package org.clinictracker.web.procedure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * A procedure record's versions as the record page shows them, newest first: who wrote each and why, and what each
 * amendment changed against the version before it (the record is corrected by amendment, never overwritten, so
 * every earlier state stays readable).
 */
public final class VersionHistory {

    /** One change an amendment made: the field in words, its value before and after ("—" for none). */
    public record Change(String field, String before, String after) {
    }

    /**
     * One version: {@code number} counts from 1 for the first recording; {@code reason} is null for it.
     * {@code facts} are that version's fields in words.
     */
    public record Version(int number, String reason, String author, String at, Map<String, String> facts,
            List<Change> changes) {

        public boolean isFirst() {
            return number == 1;
        }
    }

    private VersionHistory() {
    }

    /** From {@code GET /api/procedures/{id}/history} (oldest first, version 0 as first recorded). */
    @SuppressWarnings("unchecked")
    public static List<Version> of(List<Map<String, Object>> history, Map<String, String> nerveNames, ClinicalTerms terms) {
        List<Map<String, Object>> oldestFirst = new ArrayList<>(history == null ? List.of() : history);
        oldestFirst.sort((a, b) -> Integer.compare(number(a.get("version")), number(b.get("version"))));
        List<Version> versions = new ArrayList<>();
        Map<String, String> before = null;
        for (Map<String, Object> entry : oldestFirst) {
            Map<String, Object> record = entry.get("record") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            Map<String, String> facts = ProcedureFacts.of(record, nerveNames, terms);
            versions.add(new Version(number(entry.get("version")) + 1, (String) entry.get("amendmentReason"),
                    (String) entry.get("author"), terms.time(entry.get("at")), facts,
                    before == null ? List.of() : changes(before, facts)));
            before = facts;
        }
        Collections.reverse(versions);
        return versions;
    }

    static List<Change> changes(Map<String, String> before, Map<String, String> after) {
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String was = before.get(field);
            String is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new Change(field, was == null ? "—" : was, is == null ? "—" : is));
            }
        }
        return changes;
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
