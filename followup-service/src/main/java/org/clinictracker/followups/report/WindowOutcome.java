package org.clinictracker.followups.report;

import org.clinictracker.followups.report.statistics.Estimate;
import org.clinictracker.followups.report.statistics.MeanEstimate;

/**
 * The outcomes at one window after the procedure ({@code window} MONTH_3, MONTH_6, MONTH_12; {@code month} 3, 6,
 * 12: days [30m − 30, 30m + 30], see {@link ReportWindow}).
 * {@code assessed}: procedures whose counting outcome has a responder verdict (a plan without a baseline pain has
 * none); {@code responders}: of those, ≥ 50 % less pain than the plan's baseline (the clinic's OutcomeRules);
 * {@code responderShare}: responders / assessed with its Wilson 95 % interval, absent when none was assessed.
 * Each figure comes from the window's latest outcome that records it (by day, then recording time): a later
 * outcome without a responder verdict, a pain score or opioid use (a call about side effects only) does not hide
 * an earlier one that has them.
 * {@code lostToFollowUp}: procedures whose protocol planned a visit in the window, the window is over (today is
 * past its last day), no outcome was assessed in it, its protocol visit produced no outcome outside it either, and
 * no repeat treatment took over before it ended.
 * {@code assessedOutsideWindow}: procedures with no outcome in the window whose protocol visit for it (offset in
 * the window) was held outside it, typically rescheduled: followed up, so not lost, but not counted in the
 * window's figures either (day 130 does not say how month 3 went).
 * {@code painScore}, {@code painReduction} (baseline minus the window's pain score, positive = better, as the
 * source reports it) and {@code opioidMmePerDay}: means over the procedures whose window records them, with
 * Student-t intervals.
 */
public record WindowOutcome(String window, int month, int assessed, int responders, Estimate responderShare,
        int lostToFollowUp, int assessedOutsideWindow, MeanEstimate painScore, MeanEstimate painReduction,
        MeanEstimate opioidMmePerDay) {
}
