package org.clinictracker.procedures.procedure;

import java.time.Instant;

/** One version of a procedure record: version 0 as first logged, then one per amendment with its reason. */
public record ProcedureVersion(int version, String amendmentReason, String author, Instant at, ProcedureView record) {
}
