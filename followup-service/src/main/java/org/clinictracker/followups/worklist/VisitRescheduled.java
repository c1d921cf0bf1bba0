package org.clinictracker.followups.worklist;

import java.util.UUID;

/**
 * In-process: a coordinator moved a visit to another day, in the transaction that moved it. A patient link issued
 * for the old window goes with it (PatientLinks): its expiry was the old last day, and answers to it would be
 * refused as outside the new window while the page kept telling the patient to try again.
 */
public record VisitRescheduled(UUID visitId, UUID patientId) {
}
