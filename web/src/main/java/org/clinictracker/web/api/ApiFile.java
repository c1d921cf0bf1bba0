package org.clinictracker.web.api;

/** A file the API answered (a report as CSV): its bytes, its content type and its Content-Disposition (or null). */
public record ApiFile(byte[] body, String contentType, String contentDisposition) {
}
