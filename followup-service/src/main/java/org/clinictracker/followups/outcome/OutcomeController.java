package org.clinictracker.followups.outcome;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.clinictracker.platform.openapi.ProblemResponses;
import org.clinictracker.platform.versioning.VersionTag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Outcomes", description = "What a follow-up visit found: pain, relief, function, opioids, complications")
@RestController
@RequestMapping("/api/followups/{visitId}/outcome")
class OutcomeController {

    private final FollowUpOutcomes outcomes;

    OutcomeController(FollowUpOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Operation(summary = "Record a visit's outcome (a missed visit may be documented late)", operationId = "recordOutcome")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 that ResponseEntity.created answers
    @PostMapping
    ResponseEntity<Outcome> record(@PathVariable UUID visitId, @Valid @RequestBody OutcomeReport report) {
        Outcome outcome = outcomes.record(visitId, report, Reporter.staff());
        return ResponseEntity.created(URI.create("/api/followups/" + visitId + "/outcome"))
                .eTag(VersionTag.etag(outcome.version()))
                .body(outcome);
    }

    @Operation(summary = "Read a visit's outcome", operationId = "readOutcome")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping
    ResponseEntity<Outcome> read(@PathVariable UUID visitId) {
        Outcome outcome = outcomes.read(visitId);
        return ResponseEntity.ok().eTag(VersionTag.etag(outcome.version())).body(outcome);
    }

    @Operation(summary = "Amend a visit's outcome (If-Match: the version read; amendmentReason required)",
            description = "Replaces the measures; the earlier version is kept with the reason. adverseEvents are "
                    + "complications added by the amendment and are published to procedure-service; those published "
                    + "before are not withdrawn (correct them in the procedure's record). The plan's response is "
                    + "reassessed; the amended outcome counts as reviewed.",
            operationId = "amendOutcome")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.PRECONDITION_FAILED, HttpStatus.PRECONDITION_REQUIRED,
            HttpStatus.UNPROCESSABLE_CONTENT })
    @PutMapping
    ResponseEntity<Outcome> amend(@PathVariable UUID visitId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody OutcomeAmendment amendment) {
        Outcome outcome = outcomes.amend(visitId, VersionTag.fromIfMatch(ifMatch), amendment);
        return ResponseEntity.ok().eTag(VersionTag.etag(outcome.version())).body(outcome);
    }

    @Operation(summary = "Mark a patient's answers reviewed as they are", operationId = "reviewOutcome")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT })
    @PostMapping("/review")
    ResponseEntity<Outcome> review(@PathVariable UUID visitId) {
        Outcome outcome = outcomes.review(visitId);
        return ResponseEntity.ok().eTag(VersionTag.etag(outcome.version())).body(outcome);
    }

    @Operation(summary = "The versions an outcome had before its amendments, oldest first",
            operationId = "readOutcomeVersions")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/versions")
    List<OutcomeVersion> versions(@PathVariable UUID visitId) {
        return outcomes.versions(visitId);
    }
}
