package org.clinictracker.followups.report.statistics;

/**
 * The curve at a time where something happened: how many were still at risk just before, how many had the event
 * or were censored there, the survival estimate after it and its 95 % log-log interval (Greenwood's variance;
 * null where undefined, e.g. once survival is 0).
 */
public record SurvivalStep(long day, int atRisk, int events, int censored, double survival, Double lower, Double upper) {
}
