package org.clinictracker.web.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A recorded outcome (a patient's answers, typically) corrected by a coordinator: the outcome form filled with the
 * measures on record, and why it is corrected. The measures sent replace those on record (one left empty is
 * cleared). Adverse events are different: those on record stay (they are corrected in the procedure's record), and
 * the form's one is a complication found on review, added. {@code etag} is the version the coordinator started
 * from; the API refuses the save if the outcome changed since.
 */
public class OutcomeAmendmentForm extends OutcomeForm {

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
        form.setPainAverage(integer(outcome.get("painAverage")));
        form.setPegEnjoyment(integer(outcome.get("pegEnjoyment")));
        form.setPegActivity(integer(outcome.get("pegActivity")));
        // a PEG score worked out from its three items is left to be worked out again: a corrected item then
        // changes it, where a copied score would stand beside items that no longer give it
        boolean scoredFromItems = form.getPainAverage() != null && form.getPegEnjoyment() != null
                && form.getPegActivity() != null;
        if (outcome.get("functionScore") instanceof Map<?, ?> score
                && !("PEG".equals(score.get("instrument")) && scoredFromItems)) {
            form.getFunctionScore().setInstrument(text(score.get("instrument")));
            form.getFunctionScore().setValue(decimal(score.get("value")));
        }
        form.setOpioidMmePerDay(decimal(outcome.get("opioidMmePerDay")));
        form.setSatisfaction(integer(outcome.get("satisfaction")));
        form.setSensationReturned(outcome.get("sensationReturned") instanceof Boolean answer ? answer : null);
        form.setNotes(text(outcome.get("notes")));
        form.setAssessedOn(date(outcome.get("assessedOn")));
        return form;
    }

    /** Whether the coordinator said why: a correction without a reason is refused before any call. */
    boolean hasReason() {
        return hasText(amendmentReason);
    }

    /** The API's {@code OutcomeAmendment}: the corrected measures, a complication added on review, and the reason. */
    @Override
    Map<String, Object> body() {
        Map<String, Object> body = super.body();
        body.put("amendmentReason", amendmentReason == null ? null : amendmentReason.strip());
        return body;
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
