package org.clinictracker.followups.report;

import org.clinictracker.followups.report.statistics.Estimate;
import org.clinictracker.followups.report.statistics.MeanEstimate;

/**
 * The outcomes at one window after the procedure ({@code window} MONTH_3, MONTH_6, MONTH_12; {@code month} 3, 6,
 * 12: days [30m − 30, 30m + 30], see {@link ReportWindow}). The latest outcome assessed in the window counts.
 * {@code assessed}: procedures whose counting outcome has a responder verdict (a plan without a baseline pain has
 * none); {@code responders}: of those, ≥ 50 % less pain than the plan's baseline (the clinic's OutcomeRules);
 * {@code responderShare}: responders / assessed with its Wilson 95 % interval, absent when none was assessed.
 * {@code lostToFollowUp}: procedures whose protocol planned a visit in the window, the window is over (today is
 * past its last day), no outcome was assessed in it, and no repeat treatment took over before it ended.
 * {@code painScore}, {@code painReduction} (baseline minus the window's pain score, positive = better, as the
 * source reports it) and {@code opioidMmePerDay}: means over the counting outcomes that record them, with
 * Student-t intervals.
 */
public record WindowOutcome(String window, int month, int assessed, int responders, Estimate responderShare,
        int lostToFollowUp, MeanEstimate painScore, MeanEstimate painReduction, MeanEstimate opioidMmePerDay) {
}
