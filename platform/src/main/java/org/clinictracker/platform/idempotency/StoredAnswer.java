package org.clinictracker.platform.idempotency;

/** The first answer to a request sent with an idempotency key, as it is replayed to a retry. */
record StoredAnswer(String requestHash, int status, String contentType, String location, String etag, byte[] body) {
}
