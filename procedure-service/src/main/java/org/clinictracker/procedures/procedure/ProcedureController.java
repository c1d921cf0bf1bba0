package org.clinictracker.procedures.procedure;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.versioning.VersionTag;
import org.clinictracker.procedures.procedure.ProcedureRepository.Filter;
import org.clinictracker.vocabulary.Modality;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/procedures")
class ProcedureController {

    private final ProcedureLog log;

    ProcedureController(ProcedureLog log) {
        this.log = log;
    }

    @PostMapping
    ResponseEntity<ProcedureView> record(@Valid @RequestBody ProcedureDetails details) {
        ProcedureView procedure = log.record(details);
        return ResponseEntity.created(URI.create("/api/procedures/" + procedure.id()))
                .eTag(VersionTag.etag(procedure.version()))
                .body(procedure);
    }

    @GetMapping("/{id}")
    ResponseEntity<ProcedureView> read(@PathVariable UUID id) {
        ProcedureView procedure = log.read(id);
        return ResponseEntity.ok().eTag(VersionTag.etag(procedure.version())).body(procedure);
    }

    @GetMapping("/{id}/history")
    List<ProcedureVersion> history(@PathVariable UUID id) {
        return log.history(id);
    }

    @PutMapping("/{id}")
    ResponseEntity<ProcedureView> amend(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProcedureDetails details) {
        ProcedureView procedure = log.amend(id, VersionTag.fromIfMatch(ifMatch), details);
        return ResponseEntity.ok().eTag(VersionTag.etag(procedure.version())).body(procedure);
    }

    /** A patient's procedures, or the clinic's, newest first; {@code to} is exclusive. */
    @GetMapping
    PageOf<ProcedureView> list(
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Modality modality,
            @RequestParam(required = false) @Size(max = 60) String nerve,
            @RequestParam(required = false) @Size(max = 100) String clinician,
            @RequestParam(required = false) Boolean seriousAdverseEvent,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return log.list(new Filter(patientId, from, to, modality, nerve, clinician, seriousAdverseEvent),
                new PageRequest(page, size));
    }
}
