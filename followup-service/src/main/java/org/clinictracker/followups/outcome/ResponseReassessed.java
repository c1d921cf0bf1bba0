package org.clinictracker.followups.outcome;

import java.util.UUID;

/**
 * In-process: a plan's response (responder, best pain, waning) was worked out again without a new outcome, after
 * its procedure was amended (a corrected baseline pain score can make or unmake a responder).
 */
public record ResponseReassessed(UUID planId, UUID patientId, UUID procedureId) {
}
