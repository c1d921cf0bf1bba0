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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/procedures/{procedureId}/adverse-events")
class AdverseEventController {

    private final AdverseEventLog adverseEvents;

    AdverseEventController(AdverseEventLog adverseEvents) {
        this.adverseEvents = adverseEvents;
    }

    @PostMapping
    ResponseEntity<AdverseEvent> report(@PathVariable UUID procedureId, @Valid @RequestBody AdverseEventReport report) {
        AdverseEvent event = adverseEvents.reportLater(procedureId, report);
        return ResponseEntity.created(URI.create("/api/procedures/" + procedureId + "/adverse-events/" + event.id()))
                .eTag(VersionTag.etag(event.version()))
                .body(event);
    }

    @PutMapping("/{adverseEventId}")
    ResponseEntity<AdverseEvent> update(@PathVariable UUID procedureId, @PathVariable UUID adverseEventId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AdverseEventReport report) {
        AdverseEvent event = adverseEvents.update(procedureId, adverseEventId, VersionTag.fromIfMatch(ifMatch), report);
        return ResponseEntity.ok().eTag(VersionTag.etag(event.version())).body(event);
    }

    @GetMapping("/{adverseEventId}/history")
    List<AdverseEvent> history(@PathVariable UUID procedureId, @PathVariable UUID adverseEventId) {
        return adverseEvents.history(procedureId, adverseEventId);
    }
}
