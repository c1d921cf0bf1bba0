package org.clinictracker.gateway.security;

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
 * gets 403 problem+json for them.
 */
final class WebAppPages {

    static final String[] PATHS = { "/", "/patients", "/patients/**", "/procedures/**", "/worklist", "/worklist/**",
            "/followups/**", "/repeat-treatments", "/repeat-treatments/**", "/admin/**", "/assets/**", "/webjars/**" };

    private WebAppPages() {
    }
}
