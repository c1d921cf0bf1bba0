package org.clinictracker.gateway.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths the gateway routes to the web app (its route in application.yml names the same). A signed-in browser
 * user may open them; which screen fits which role the web app decides, as each service decides its calls.
 * <p>
 * The scripts and styles ({@code /assets/**}, {@code /webjars/**}) need a session too, though they hold no patient
 * data: only the pages use them, and those need a session anyway; the gateway's own answers to a browser (the
 * sign-in redirect, the web app's 503 page) are self-contained. One rule for every path, and nobody without a
 * session reaches the web app at all.
 * <p>
 * A bearer (API) caller is not a browser: {@link ApiCallerSecurity}'s role table names none of these paths, so it
 * gets 403 problem+json for them, saying they are pages ({@link ReactiveProblemResponses}).
 */
public final class WebAppPages {

    static final String[] PATHS = { "/", "/patients", "/patients/**", "/procedures/**", "/worklist", "/worklist/**",
            "/followups/**", "/repeat-treatments", "/repeat-treatments/**", "/reports", "/reports/**", "/admin/**", "/assets/**", "/webjars/**" };

    private WebAppPages() {
    }

    private static final List<PathPattern> PATTERNS = Stream.of(PATHS).map(PathPatternParser.defaultInstance::parse).toList();

    /** The same paths, for a check that the web route names exactly these. */
    public static List<String> paths() {
        return List.of(PATHS);
    }

    static boolean isPage(PathContainer path) {
        return PATTERNS.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
