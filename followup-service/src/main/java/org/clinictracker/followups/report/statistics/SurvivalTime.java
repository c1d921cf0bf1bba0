package org.clinictracker.followups.report.statistics;

/** One subject of a Kaplan–Meier estimate: followed for {@code days}, ending in the event or censored there. */
public record SurvivalTime(long days, boolean event) {
}
