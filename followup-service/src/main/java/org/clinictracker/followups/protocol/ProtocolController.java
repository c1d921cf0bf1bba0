package org.clinictracker.followups.protocol;

import java.util.List;

import jakarta.validation.Valid;

import org.clinictracker.platform.openapi.ProblemResponses;
import org.clinictracker.platform.versioning.VersionTag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Protocols", description = "Follow-up schedules per modality: coordinators read them, the clinic admin sets them")
@RestController
@RequestMapping("/api/followups/protocols")
class ProtocolController {

    private final FollowUpProtocols protocols;

    ProtocolController(FollowUpProtocols protocols) {
        this.protocols = protocols;
    }

    @Operation(summary = "The current protocol of each modality", operationId = "listProtocols")
    @GetMapping
    List<Protocol> current() {
        return protocols.current();
    }

    @Operation(summary = "A modality's current protocol", operationId = "readProtocol")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/{modality}")
    ResponseEntity<Protocol> current(@PathVariable String modality) {
        Protocol protocol = protocols.current(FollowUpProtocols.modality(modality));
        return ResponseEntity.ok().eTag(VersionTag.etag(protocol.version())).body(protocol);
    }

    @Operation(summary = "Every version of a modality's protocol, newest first", operationId = "listProtocolVersions")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/{modality}/versions")
    List<Protocol> versions(@PathVariable String modality) {
        return protocols.versions(FollowUpProtocols.modality(modality));
    }

    @Operation(summary = "Replace a modality's protocol with a new version (If-Match)", operationId = "replaceProtocol")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.PRECONDITION_FAILED, HttpStatus.UNPROCESSABLE_CONTENT,
            HttpStatus.PRECONDITION_REQUIRED })
    @PutMapping("/{modality}")
    ResponseEntity<Protocol> replace(@PathVariable String modality,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProtocolChange change) {
        Protocol protocol = protocols.replace(FollowUpProtocols.modality(modality), VersionTag.fromIfMatch(ifMatch),
                change.visits());
        return ResponseEntity.ok().eTag(VersionTag.etag(protocol.version())).body(protocol);
    }
}
