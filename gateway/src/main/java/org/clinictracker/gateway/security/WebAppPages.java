package org.clinictracker.gateway.security;

/**
 * The paths the gateway routes to the web app (its route in application.yml names the same). A signed-in browser
 * user may open them; which screen fits which role the web app decides, as each service decides its calls.
 */
final class WebAppPages {

    static final String[] PATHS = { "/", "/patients", "/patients/**", "/procedures/**", "/worklist", "/worklist/**",
            "/followups/**", "/repeat-treatments", "/repeat-treatments/**", "/admin/**", "/assets/**", "/webjars/**" };

    private WebAppPages() {
    }
}
