package org.clinictracker.gateway.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths the gateway routes to the web app (its route {@code web} in application.yml names the same). A signed-in
 * browser user may open them; which screen fits which role the web app decides, as each service decides its calls.
 * <p>
 * Two exceptions need no session. The patient's answer page ({@link #PATIENT_ANSWER_PAGE}, route {@code web-public})
 * is reached through the link sent to the patient, whose token is its only credential: {@link PublicAnswerSecurity}
 * handles it apart from the sessions. And the stylesheets ({@code /assets/**}, static files without patient data)
 * are open so that page can use them. The scripts ({@code /webjars/**}) still need a session: the answer page uses
 * none, and only signed-in pages do.
 * <p>
 * A bearer (API) caller is not a browser: {@link ApiCallerSecurity}'s role table names none of these paths, so it
 * gets 403 problem+json for them, saying they are pages ({@link ReactiveProblemResponses}).
 */
public final class WebAppPages {

    static final String[] PATHS = { "/", "/patients", "/patients/**", "/procedures/**", "/worklist", "/worklist/**",
            "/followups/**", "/repeat-treatments", "/repeat-treatments/**", "/reports", "/reports/**", "/admin/**", "/assets/**", "/webjars/**" };

    /** The patient's answer page ({@code /answer?token=…}, and anything under it the web app adds). */
    public static final String[] PATIENT_ANSWER_PAGE = { "/answer", "/answer/**" };

    /** Of {@link #PATHS}, those a browser may fetch without a session: static files, no patient data. */
    static final String[] OPEN_ASSETS = { "/assets/**" };

    private WebAppPages() {
    }

    private static final List<PathPattern> PATTERNS = Stream.of(PATHS).map(PathPatternParser.defaultInstance::parse).toList();

    /** The same paths, for a check that the web route names exactly these. */
    public static List<String> paths() {
        return List.of(PATHS);
    }

    /** The answer page's paths, for a check that the web-public route names exactly these. */
    public static List<String> patientAnswerPage() {
        return List.of(PATIENT_ANSWER_PAGE);
    }

    static boolean isPage(PathContainer path) {
        return PATTERNS.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
