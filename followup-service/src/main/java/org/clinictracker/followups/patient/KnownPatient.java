package org.clinictracker.followups.patient;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A patient as followup-service knows it from patient-service's events: what a coordinator's list shows
 * and the baselines responders and opioid use are measured against.
 *
 * @param mrn                 null until the registration (or an update) has arrived
 * @param baselinePainScore   0–10, null if the front desk did not ask
 * @param opioidMmePerDay     opioid use at intake (MME/day), null if not asked or announced by an older event
 * @param demographicsVersion the chart version these come from; null until the registration has arrived
 * @param givenName           the first name a patient's answer page greets them by; null until an event carrying it
 * @param email               where a visit's link is sent; null when the chart has none (or no event carried it yet)
 */
public record KnownPatient(UUID id, String mrn, String displayName, Integer baselinePainScore,
        BigDecimal opioidMmePerDay, Integer demographicsVersion, String givenName, String email) {
}
