package org.clinictracker.followups.patientlink;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.clinictracker.platform.openapi.ProblemResponses;
import org.clinictracker.platform.security.Clinician;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Patient links", description = "Single-use links that let a patient answer a visit's questions themselves")
@RestController
@RequestMapping("/api/followups/{visitId}/patient-link")
class PatientLinkController {

    private final PatientLinks links;

    PatientLinkController(PatientLinks links) {
        this.links = links;
    }

    /** How the link reaches the patient. */
    record IssueRequest(@NotNull Delivery delivery) {
    }

    @Operation(summary = "Issue a patient link for a due visit (e-mailed, or shown once for a tablet in the clinic); "
            + "replaces the visit's earlier unanswered link", operationId = "issuePatientLink")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT,
            HttpStatus.SERVICE_UNAVAILABLE })
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 that ResponseEntity.created answers
    @PostMapping
    ResponseEntity<PatientLinkStatus> issue(@PathVariable UUID visitId, @Valid @RequestBody IssueRequest request) {
        PatientLinkStatus status = links.issue(visitId, request.delivery(), Clinician.current());
        var created = ResponseEntity.created(URI.create("/api/followups/" + visitId + "/patient-link"));
        if (status.link() != null) {
            // an in-clinic answer carries the link, which no cache (nor a replayed Idempotency-Key) may keep; an
            // e-mailed one is kept for a retry with its key, so the retry sends no second message
            created.cacheControl(CacheControl.noStore());
        }
        return created.body(status);
    }

    @Operation(summary = "Where the visit's current patient link stands (sent, opened, answered...)",
            operationId = "readPatientLink")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping
    PatientLinkStatus status(@PathVariable UUID visitId) {
        return links.status(visitId);
    }
}
