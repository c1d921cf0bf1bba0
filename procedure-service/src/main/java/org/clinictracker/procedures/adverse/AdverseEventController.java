package org.clinictracker.procedures.adverse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.clinictracker.platform.versioning.VersionTag;
import org.springframework.http.HttpHeaders;
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
import org.clinictracker.platform.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;

@Tag(name = "Adverse events", description = "Complications after a procedure and their course")
@RestController
@RequestMapping("/api/procedures/{procedureId}/adverse-events")
class AdverseEventController {

    private final AdverseEventLog adverseEvents;

    AdverseEventController(AdverseEventLog adverseEvents) {
        this.adverseEvents = adverseEvents;
    }

    @Operation(summary = "Report an adverse event after a procedure", operationId = "reportAdverseEvent")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT })
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 that ResponseEntity.created answers
    @PostMapping
    ResponseEntity<AdverseEvent> report(@PathVariable UUID procedureId, @Valid @RequestBody AdverseEventReport report) {
        AdverseEvent event = adverseEvents.reportLater(procedureId, report);
        return ResponseEntity.created(URI.create("/api/procedures/" + procedureId + "/adverse-events/" + event.id()))
                .eTag(VersionTag.etag(event.version()))
                .body(event);
    }

    @Operation(summary = "Update an adverse event's course (If-Match)", operationId = "updateAdverseEvent")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.PRECONDITION_FAILED, HttpStatus.UNPROCESSABLE_CONTENT, HttpStatus.PRECONDITION_REQUIRED })
    @PutMapping("/{adverseEventId}")
    ResponseEntity<AdverseEvent> update(@PathVariable UUID procedureId, @PathVariable UUID adverseEventId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AdverseEventReport report) {
        AdverseEvent event = adverseEvents.update(procedureId, adverseEventId, VersionTag.fromIfMatch(ifMatch), report);
        return ResponseEntity.ok().eTag(VersionTag.etag(event.version())).body(event);
    }

    @Operation(summary = "Every version of an adverse event", operationId = "readAdverseEventHistory")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/{adverseEventId}/history")
    List<AdverseEvent> history(@PathVariable UUID procedureId, @PathVariable UUID adverseEventId) {
        return adverseEvents.history(procedureId, adverseEventId);
    }
}
