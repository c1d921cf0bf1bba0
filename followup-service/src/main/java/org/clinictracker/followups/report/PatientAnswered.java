package org.clinictracker.followups.report;

import org.clinictracker.followups.report.statistics.Estimate;

/**
 * How many of a group's visits with an outcome the patients answered themselves, through a link (issue 12):
 * {@code visits} with an outcome in any window (or none), {@code answered} of them by the patient, and the
 * {@code share} with its Wilson 95 % interval, absent when the group has no outcome at all.
 */
public record PatientAnswered(int visits, int answered, Estimate share) {
}
