package org.clinictracker.procedures.rules;

/**
 * A value the clinic accepts but that is outside what is typical (a probe warmer than usual, a long
 * freeze): kept on the procedure and shown to whoever reads it. {@code field} is the request's JSON
 * path, e.g. {@code cryo.cycles[1].seconds}.
 */
public record Warning(String code, String field, String message) {
}
