package org.clinictracker.web.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.adverse.AdverseEventFields;

/**
 * A recorded outcome (a patient's answers, typically) corrected by a coordinator: the outcome form filled with what
 * is on record, every adverse event on record kept (with its course), room for one more, and why it is corrected.
 * {@code etag} is the version the coordinator started from; the API refuses the save if the outcome changed since.
 */
public class OutcomeAmendmentForm extends OutcomeForm {

    /** The API takes at most 20 adverse events with an outcome; the form binds no index beyond. */
    static final int MOST_ADVERSE_EVENTS = 20;

    private String amendmentReason;
    private String etag;

    /** The form filled with the outcome as the API answered it, for the version {@code etag}. */
    static OutcomeAmendmentForm of(Map<String, Object> outcome, String etag, String patient, String label) {
        OutcomeAmendmentForm form = new OutcomeAmendmentForm();
        form.setEtag(etag);
        form.setPatient(patient);
        form.setLabel(label);
        form.setPainScore(integer(outcome.get("painScore")));
        form.setReliefPercent(integer(outcome.get("reliefPercent")));
        if (outcome.get("functionScore") instanceof Map<?, ?> score) {
            form.getFunctionScore().setInstrument(text(score.get("instrument")));
            form.getFunctionScore().setValue(decimal(score.get("value")));
        }
        form.setOpioidMmePerDay(decimal(outcome.get("opioidMmePerDay")));
        form.setSatisfaction(integer(outcome.get("satisfaction")));
        form.setSensationReturned(outcome.get("sensationReturned") instanceof Boolean answer ? answer : null);
        List<AdverseEventFields> events = new ArrayList<>();
        if (outcome.get("adverseEvents") instanceof List<?> recorded) {
            for (Object event : recorded) {
                if (event instanceof Map<?, ?> map) {
                    events.add(event(map));
                }
            }
        }
        form.setAdverseEvents(events);
        form.setNotes(text(outcome.get("notes")));
        form.setAssessedOn(date(outcome.get("assessedOn")));
        return form.withRoomForOneMoreEvent();
    }

    /** The events as bound, without the holes a posted index leaves, and an empty one to add with (up to 20). */
    OutcomeAmendmentForm withRoomForOneMoreEvent() {
        List<AdverseEventFields> events = new ArrayList<>();
        for (AdverseEventFields event : getAdverseEvents()) {
            if (event != null && event.hasType()) {
                events.add(event);
            }
        }
        if (events.size() < MOST_ADVERSE_EVENTS) {
            events.add(new AdverseEventFields());
        }
        setAdverseEvents(events);
        return this;
    }

    /** Whether the coordinator said why: a correction without a reason is refused before any call. */
    boolean hasReason() {
        return hasText(amendmentReason);
    }

    /**
     * The API's amendment: the corrected {@code OutcomeReport} (what was left empty is cleared) with each adverse
     * event as recorded, its course (resolved on, notes) kept, and the reason.
     */
    @Override
    Map<String, Object> body() {
        Map<String, Object> body = super.body();
        List<Map<String, Object>> events = getAdverseEvents().stream()
                .filter(event -> event != null && event.hasType())
                .map(event -> {
                    Map<String, Object> kept = event.asNoticedAtVisit();
                    Map<String, Object> course = event.asReport();
                    kept.put("resolvedOn", course.get("resolvedOn"));
                    kept.put("notes", course.get("notes"));
                    return kept;
                })
                .toList();
        body.remove("adverseEvents");
        body.remove("notes");
        body.remove("assessedOn");
        if (!events.isEmpty()) {
            body.put("adverseEvents", events);
        }
        if (hasText(getNotes())) {
            body.put("notes", getNotes());
        }
        if (getAssessedOn() != null) {
            body.put("assessedOn", getAssessedOn().toString());
        }
        body.put("amendmentReason", amendmentReason.strip());
        return body;
    }

    private static AdverseEventFields event(Map<?, ?> recorded) {
        AdverseEventFields event = new AdverseEventFields();
        event.setType(text(recorded.get("type")));
        event.setDescription(text(recorded.get("description")));
        event.setSeverity(text(recorded.get("severity")));
        event.setSerious(Boolean.TRUE.equals(recorded.get("serious")));
        event.setOnsetOn(date(recorded.get("onsetOn")));
        event.setOutcome(text(recorded.get("outcome")));
        event.setResolvedOn(date(recorded.get("resolvedOn")));
        event.setNotes(text(recorded.get("notes")));
        return event;
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(String.valueOf(value));
    }

    public String getAmendmentReason() {
        return amendmentReason;
    }

    public void setAmendmentReason(String amendmentReason) {
        this.amendmentReason = amendmentReason;
    }

    public String getEtag() {
        return etag;
    }

    public void setEtag(String etag) {
        this.etag = etag;
    }
}
