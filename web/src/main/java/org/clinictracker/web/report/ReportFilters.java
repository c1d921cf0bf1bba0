package org.clinictracker.web.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Which procedures a report covers, as the filter form sends them (a GET, so a report is a link to share): the
 * API's own query parameters. A bean, not a record: a date that is no date must leave the other filters to show
 * again beside its message.
 */
public class ReportFilters {

    private String modality;
    private String indication;
    private String nerve;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    /** {@code GET /api/reports/outcomes?modality=&indication=&nerve=&from=&to=}; empty filters left out. */
    Map<String, Object> apiQuery() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("modality", blankless(modality));
        query.put("indication", blankless(indication));
        query.put("nerve", blankless(nerve));
        query.put("from", from);
        query.put("to", to);
        query.values().removeIf(value -> value == null);
        return query;
    }

    /** The same filters as a query string for a link ({@code ?modality=CRYONEUROLYSIS&from=2026-01-01}). */
    String queryString() {
        UriComponentsBuilder link = UriComponentsBuilder.newInstance();
        apiQuery().forEach((name, value) -> link.queryParam(name, "{" + name + "}"));
        return link.encode().buildAndExpand(apiQuery()).toUriString();
    }

    public boolean isNarrowed() {
        return !apiQuery().isEmpty();
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public String getIndication() {
        return indication;
    }

    public void setIndication(String indication) {
        this.indication = indication;
    }

    public String getNerve() {
        return nerve;
    }

    public void setNerve(String nerve) {
        this.nerve = nerve;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
