package org.clinictracker.followups.patientlink;

import org.clinictracker.platform.openapi.ProblemResponses;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public side of a patient link: no account, no token but the link's own. The token travels in the body, never
 * in a path or query a log could record.
 */
@Tag(name = "Patient answers", description = "Public: a patient opens and answers their visit's link")
@RestController
class PatientLinkOpening {

    private final PatientLinks links;

    PatientLinkOpening(PatientLinks links) {
        this.links = links;
    }

    /**
     * The token from the link's query string, and whether a person's browser opened the page ({@code viewed}: a
     * top-level navigation) or something fetched it without showing it to anyone (a mail scanner or link preview:
     * {@code false}). Absent: a person (a client that cannot tell says so by leaving it out).
     */
    record OpenRequest(String token, Boolean viewed) {

        @Override
        public String toString() {
            return "OpenRequest[token hidden]";
        }
    }

    @Operation(summary = "Open a patient link: the patient's first name and the visit's day (nothing else)",
            operationId = "openPatientLink")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.GONE })
    @PostMapping("/api/patient-answers/open")
    ResponseEntity<PatientAnswerPage> open(@RequestBody OpenRequest request) {
        boolean viewed = request.viewed() == null || request.viewed();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(links.open(request.token(), viewed));
    }
}
