package org.clinictracker.platform.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one rule for request ids, applied by the gateway (reactive) and by every service (servlet): an
 * offered {@code X-Request-Id} is kept when it is sane (short, no spaces, nothing a log line or a header
 * could be forged with), otherwise a fresh UUID replaces it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The logging-context key ({@code %X{requestId}} in logging.pattern.correlation). */
    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static boolean isSane(String offered) {
        return offered != null && SANE.matcher(offered).matches();
    }

    /** The offered id when sane, else a new one. */
    public static String acceptOrCreate(String offered) {
        return isSane(offered) ? offered : UUID.randomUUID().toString();
    }
}
