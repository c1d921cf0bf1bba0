package org.clinictracker.patients.screening;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

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
import org.clinictracker.platform.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;

@Tag(name = "Screening", description = "Candidacy screening before a procedure, and the proceduralist's overrides")
@RestController
@RequestMapping("/api/patients/{patientId}/screenings")
class ScreeningController {

    private final CandidacyScreening screening;

    ScreeningController(CandidacyScreening screening) {
        this.screening = screening;
    }

    @Operation(summary = "Record a candidacy screening", operationId = "recordScreening")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 that ResponseEntity.created answers
    @PostMapping
    ResponseEntity<Screening> record(@PathVariable UUID patientId, @Valid @RequestBody ScreeningAnswers answers) {
        Screening recorded = screening.record(patientId, answers);
        return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/screenings/" + recorded.id()))
                .body(recorded);
    }

    @Operation(summary = "List a patient's screenings, newest first", operationId = "listScreenings")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping
    List<Screening> history(@PathVariable UUID patientId) {
        return screening.history(patientId);
    }

    @Operation(summary = "Override a screening's result (proceduralist)", operationId = "overrideScreening")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT })
    @PostMapping("/{screeningId}/override")
    Screening override(@PathVariable UUID patientId, @PathVariable UUID screeningId,
            @Valid @RequestBody OverrideRequest request) {
        return screening.override(patientId, screeningId, request);
    }
}
