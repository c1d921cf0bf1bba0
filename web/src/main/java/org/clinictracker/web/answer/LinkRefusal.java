package org.clinictracker.web.answer;

import org.clinictracker.web.api.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Why a link's questions cannot be shown or taken, as the patient reads it: a plain page that says only this and
 * names no one, with the status that says the same to a machine.
 */
enum LinkRefusal {

    UNKNOWN(HttpStatus.NOT_FOUND, "This link is not recognised"),
    USED(HttpStatus.GONE, "These questions were already answered (or the clinic has recorded this visit)"),
    EXPIRED(HttpStatus.GONE, "This link has expired; the clinic will contact you"),
    AWAY(HttpStatus.SERVICE_UNAVAILABLE, "We could not open your questions just now; please try again later");

    private final HttpStatus status;
    private final String message;

    LinkRefusal(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    HttpStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    /**
     * followup-service's refusal of a link, or null when it refused the answers rather than the link (a 4xx with
     * field messages) or could not answer at all. A 410 the page does not know reads as expired: the clinic then
     * contacts the patient, which cannot hurt.
     */
    static LinkRefusal of(ApiProblem problem) {
        if (problem.status() == 404) {
            return UNKNOWN;
        }
        if (problem.status() == 410) {
            return "patient-link-used".equals(problem.code()) ? USED : EXPIRED;
        }
        return null;
    }
}
