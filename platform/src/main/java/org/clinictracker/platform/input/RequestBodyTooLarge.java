package org.clinictracker.platform.input;

import java.io.IOException;

/** A request body beyond {@code clinic.http.max-request-body}; answered 413 by the problem handler. */
public class RequestBodyTooLarge extends IOException {

    private final long limitBytes;

    public RequestBodyTooLarge(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes.");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
