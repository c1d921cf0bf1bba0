package org.clinictracker.followups.report;

import org.clinictracker.followups.report.statistics.Estimate;
import org.clinictracker.followups.report.statistics.MeanEstimate;

/**
 * The outcomes at one window after the procedure ({@code window} MONTH_3, MONTH_6, MONTH_12; {@code month} 3, 6,
 * 12). {@code assessed}: procedures with an outcome in the window (the latest one counts); {@code responders}: of
 * those, ≥ 50 % less pain than baseline; {@code lostToFollowUp}: window over and no outcome in it.
 * {@code painReduction}: baseline minus the window's pain score (positive = better), as the source reports it.
 */
public record WindowOutcome(String window, int month, int assessed, int responders, Estimate responderShare,
        int lostToFollowUp, MeanEstimate painScore, MeanEstimate painReduction, MeanEstimate opioidMmePerDay) {
}
