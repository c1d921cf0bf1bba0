package org.clinictracker.followups.repeat;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.clinictracker.platform.openapi.ProblemResponses;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.versioning.VersionTag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Repeat treatments", description = "Procedures whose relief is waning, for a coordinator to act on")
@RestController
@RequestMapping("/api/repeat-treatments")
class RepeatTreatmentController {

    private final RepeatCandidates candidates;

    RepeatTreatmentController(RepeatCandidates candidates) {
        this.candidates = candidates;
    }

    @Operation(summary = "List repeat-treatment candidates, the longest waiting first", operationId = "listRepeatTreatments")
    @GetMapping
    PageOf<RepeatCandidate> list(
            @RequestParam(required = false) RepeatStatus status,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return candidates.list(status, patientId, new PageRequest(page, size));
    }

    @Operation(summary = "Read a repeat-treatment candidate", operationId = "readRepeatTreatment")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/{id}")
    ResponseEntity<RepeatCandidate> read(@PathVariable UUID id) {
        RepeatCandidate candidate = candidates.read(id);
        return ResponseEntity.ok().eTag(VersionTag.etag(candidate.version())).body(candidate);
    }

    @Operation(summary = "Book the consult for a candidate, or dismiss it with a reason (If-Match optional)",
            operationId = "decideRepeatTreatment")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.PRECONDITION_FAILED,
            HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/decision")
    ResponseEntity<RepeatCandidate> decide(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RepeatDecision decision) {
        Integer expected = ifMatch == null || ifMatch.isBlank() ? null : VersionTag.fromIfMatch(ifMatch);
        RepeatCandidate candidate = candidates.decide(id, expected, decision);
        return ResponseEntity.ok().eTag(VersionTag.etag(candidate.version())).body(candidate);
    }
}
