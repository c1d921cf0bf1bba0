package org.clinictracker.platform.problem;

/** One offending field of a request, named as the client sent it (e.g. {@code address.postalCode}). */
public record FieldError(String field, String message) {
}
