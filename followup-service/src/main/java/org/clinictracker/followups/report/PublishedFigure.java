package org.clinictracker.followups.report;

/**
 * A figure the source article publishes, to stand beside the clinic's own: {@code figure} names which one
 * (PAIN_REDUCTION, RESPONDER_SHARE, RELIEF_DURATION_DAYS), {@code low}–{@code high} in {@code unit}, the words
 * as published, and where they come from.
 */
public record PublishedFigure(String figure, Double low, Double high, String unit, String text, String source) {
}
