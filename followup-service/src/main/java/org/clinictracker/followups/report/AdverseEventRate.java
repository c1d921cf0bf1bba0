package org.clinictracker.followups.report;

import org.clinictracker.followups.report.statistics.Estimate;

/** Adverse events of one type and seriousness: how many, in how many procedures, and that share of the group. */
public record AdverseEventRate(String type, boolean serious, int events, int procedures, Estimate rate) {
}
