package org.clinictracker.followups.report.statistics;

/** Subjects of a Kaplan–Meier estimate counted at one time: how many had the event there, how many were censored. */
public record SurvivalCount(long days, int events, int censored) {
}
