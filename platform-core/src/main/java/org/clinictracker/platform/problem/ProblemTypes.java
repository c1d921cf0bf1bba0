package org.clinictracker.platform.problem;

import java.net.URI;

/**
 * Where the clinic's problem {@code type}s live: {@code TYPE_BASE + code}. Here rather than in the servlet
 * {@link ProblemException} so the gateway names its problems the same way.
 */
public final class ProblemTypes {

    public static final String TYPE_BASE = "https://clinic-tracker.org/problems/";

    private ProblemTypes() {
    }

    public static URI of(String code) {
        return URI.create(TYPE_BASE + code);
    }
}
