package org.clinictracker.followups.outcome;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.clinictracker.platform.openapi.ProblemResponses;
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
        Outcome outcome = outcomes.record(visitId, report);
        return ResponseEntity.created(URI.create("/api/followups/" + visitId + "/outcome")).body(outcome);
    }

    @Operation(summary = "Read a visit's outcome", operationId = "readOutcome")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping
    Outcome read(@PathVariable UUID visitId) {
        return outcomes.read(visitId);
    }
}
