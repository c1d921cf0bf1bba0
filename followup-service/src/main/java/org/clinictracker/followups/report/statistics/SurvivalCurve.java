package org.clinictracker.followups.report.statistics;

import java.util.List;

/**
 * A Kaplan–Meier estimate: the subjects, events and censorings, the steps in time order, and the median time with
 * its Brookmeyer–Crowley interval (null while the curve has not fallen to one half; null bounds where undefined).
 */
public record SurvivalCurve(int subjects, int events, int censored, List<SurvivalStep> steps, Estimate medianDays) {
}
