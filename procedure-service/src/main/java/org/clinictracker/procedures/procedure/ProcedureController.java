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
import org.clinictracker.procedures.rules.ProcedureRules;
import org.clinictracker.procedures.rules.Warning;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clinictracker.platform.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;

@Tag(name = "Procedures", description = "The procedure log: cases with their targets and device parameters, amendments and history")
@RestController
@RequestMapping("/api/procedures")
class ProcedureController {

    private final ProcedureLog log;

    ProcedureController(ProcedureLog log) {
        this.log = log;
    }

    @Operation(summary = "Log a procedure", operationId = "recordProcedure")
    @ProblemResponses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 that ResponseEntity.created answers
    @PostMapping
    ResponseEntity<ProcedureView> record(@Valid @RequestBody ProcedureDetails details) {
        ProcedureView procedure = log.record(details);
        return ResponseEntity.created(URI.create("/api/procedures/" + procedure.id()))
                .eTag(VersionTag.etag(procedure.version()))
                .body(procedure);
    }

    /**
     * The warnings the clinic's rules would keep on this draft, stored nowhere: the form shows them while the
     * proceduralist types. Lenient on purpose: a half-filled draft is judged on what it has (no field is required
     * and nothing is refused for being missing); only a body that is not a procedure at all is refused.
     */
    @Operation(summary = "The warnings a draft procedure would get (nothing is stored)", operationId = "checkProcedureDraft")
    @PostMapping("/warnings")
    DraftWarnings warnings(@RequestBody ProcedureDetails draft) {
        return new DraftWarnings(ProcedureRules.check(draft).warnings());
    }

    /** What a draft would be warned about: values accepted but outside what is typical. */
    record DraftWarnings(List<Warning> warnings) {
    }

    @Operation(summary = "Read a procedure record", operationId = "readProcedure")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/{id}")
    ResponseEntity<ProcedureView> read(@PathVariable UUID id) {
        ProcedureView procedure = log.read(id);
        return ResponseEntity.ok().eTag(VersionTag.etag(procedure.version())).body(procedure);
    }

    @Operation(summary = "Every version of a procedure record, with amendment reasons", operationId = "readProcedureHistory")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/{id}/history")
    List<ProcedureVersion> history(@PathVariable UUID id) {
        return log.history(id);
    }

    @Operation(summary = "Amend a procedure record with a reason (If-Match)", operationId = "amendProcedure")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.PRECONDITION_FAILED, HttpStatus.UNPROCESSABLE_CONTENT, HttpStatus.PRECONDITION_REQUIRED })
    @PutMapping("/{id}")
    ResponseEntity<ProcedureView> amend(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProcedureDetails details) {
        ProcedureView procedure = log.amend(id, VersionTag.fromIfMatch(ifMatch), details);
        return ResponseEntity.ok().eTag(VersionTag.etag(procedure.version())).body(procedure);
    }

    /** A patient's procedures, or the clinic's, newest first; {@code to} is exclusive. */
    @Operation(summary = "List procedures of a patient or of the clinic, newest first", operationId = "listProcedures")
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
