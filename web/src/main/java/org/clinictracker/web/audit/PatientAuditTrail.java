package org.clinictracker.web.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Component;

/**
 * A patient's audit trail as one list: each service keeps its own (newest first, paged), the page shows the
 * newest {@code limit} entries of all three in time order. Reading a trail is itself audited by each service,
 * so the admin's own look shows up at the top, under one request id across the three.
 */
@Component
class PatientAuditTrail {

    /** Entries per "older entries" step, and the most one page shows. */
    static final int STEP = 50;
    static final int MOST = 500;
    /** The services' largest page. */
    private static final int API_PAGE = 100;

    private final ClinicApi api;

    PatientAuditTrail(ClinicApi api) {
        this.api = api;
    }

    /**
     * The newest {@code limit} entries of the patient's merged trail. A service that is away (503) leaves its
     * entries out and is named, so the admin sees the rest and knows the list is incomplete.
     */
    MergedTrail newest(String patientId, int limit) {
        List<AuditLine> lines = new ArrayList<>();
        List<AuditSource> unavailable = new ArrayList<>();
        long total = 0;
        for (AuditSource source : AuditSource.values()) {
            try {
                SourcePart part = newest(source, patientId, limit);
                lines.addAll(part.lines());
                total += part.total();
            } catch (ApiProblem problem) {
                if (!problem.isTemporary()) {
                    throw problem;
                }
                unavailable.add(source);
            }
        }
        List<AuditLine> newestFirst = lines.stream()
                .sorted(Comparator.comparing(AuditLine::at).reversed()
                        .thenComparing(AuditLine::id, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(limit)
                .toList();
        return new MergedTrail(newestFirst, total, unavailable);
    }

    private SourcePart newest(AuditSource source, String patientId, int limit) {
        // keyed by id: the service records our own read at the top between two pages, which shifts the rest by one
        Map<String, AuditLine> lines = new LinkedHashMap<>();
        long total = 0;
        int size = Math.min(limit, API_PAGE);
        for (int page = 0; lines.size() < limit; page++) {
            Map<String, Object> answer = api.get(source.path(patientId), query(source, patientId, page, size));
            List<?> content = answer.get("content") instanceof List<?> list ? list : List.of();
            for (Object entry : content) {
                if (entry instanceof Map<?, ?> map) {
                    AuditLine line = line(source, map);
                    lines.putIfAbsent(line.id(), line);
                }
            }
            Map<?, ?> paging = answer.get("page") instanceof Map<?, ?> map ? map : Map.of();
            total = paging.get("totalElements") instanceof Number number ? number.longValue() : lines.size();
            int totalPages = paging.get("totalPages") instanceof Number number ? number.intValue() : 0;
            if (content.isEmpty() || page + 1 >= totalPages) {
                break;
            }
        }
        return new SourcePart(List.copyOf(lines.values()), total);
    }

    private static Map<String, Object> query(AuditSource source, String patientId, int page, int size) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (!source.patientInPath()) {
            query.put("patientId", patientId);
        }
        query.put("page", page);
        query.put("size", size);
        return query;
    }

    private static AuditLine line(AuditSource source, Map<?, ?> entry) {
        return new AuditLine(text(entry.get("id")), instant(entry.get("at")), text(entry.get("actor")),
                text(entry.get("role")), text(entry.get("action")), text(entry.get("resource")), source,
                text(entry.get("requestId")));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Instant instant(Object value) {
        return value == null ? Instant.EPOCH : Instant.parse(String.valueOf(value));
    }

    private record SourcePart(List<AuditLine> lines, long total) {
    }

    /** The entries shown, how many the three services hold in all, and which could not be asked. */
    public record MergedTrail(List<AuditLine> lines, long total, List<AuditSource> unavailable) {

        public boolean hasOlder() {
            return total > lines.size();
        }
    }
}
