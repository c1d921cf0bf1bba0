package org.clinictracker.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * How a form's answer goes back, the same on every page. Forms post with htmx (which adds the gateway's CSRF
 * header): a refused form comes back as its own fragment, with the user's input and the API's messages beside
 * the fields, status 422 (or the API's 409/412); a saved form sends the browser to the next page (HX-Redirect,
 * a full page load, so focus and history behave as after any link). Without htmx (a plain post) the same
 * controller answers with the whole page or a redirect.
 */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The view to answer a successful form with: to {@code url} next. */
    public static String redirect(HttpServletRequest request, HttpServletResponse response, String url) {
        if (isHtmx(request)) {
            response.setHeader("HX-Redirect", url);
            return "layout/empty"; // htmx follows HX-Redirect before it would swap anything
        }
        return "redirect:" + url;
    }

    /**
     * The view to answer a refused form with: the fragment {@code fragment} of {@code page} for htmx, the whole page
     * otherwise, with {@code status}.
     */
    public static String refused(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String page, String fragment) {
        response.setStatus(status.value());
        return isHtmx(request) ? page + " :: " + fragment : page;
    }
}
