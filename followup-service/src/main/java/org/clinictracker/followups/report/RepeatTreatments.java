package org.clinictracker.followups.report;

import org.clinictracker.followups.report.statistics.MeanEstimate;

/** Procedures in the group that repeated an earlier one, and the days since the one they repeated. */
public record RepeatTreatments(int count, MeanEstimate intervalDays) {
}
