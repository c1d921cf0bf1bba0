package org.clinictracker.followups.report.statistics;

/**
 * A figure with its two-sided 95 % interval. A bound is null where no honest one exists (a group of one has no
 * interval for its mean; a median that the curve never reaches has no upper bound).
 */
public record Estimate(double value, Double lower, Double upper) {
}
