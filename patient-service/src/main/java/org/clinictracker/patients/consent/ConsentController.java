package org.clinictracker.patients.consent;

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

@Tag(name = "Consent", description = "Signed consents for a kind of procedure")
@RestController
@RequestMapping("/api/patients/{patientId}/consents")
class ConsentController {

    private final ConsentRecords consents;

    ConsentController(ConsentRecords consents) {
        this.consents = consents;
    }

    @Operation(summary = "Record a signed consent", operationId = "recordConsent")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 that ResponseEntity.created answers
    @PostMapping
    ResponseEntity<Consent> record(@PathVariable UUID patientId, @Valid @RequestBody ConsentRequest request) {
        Consent consent = consents.record(patientId, request);
        return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/consents/" + consent.id())).body(consent);
    }

    @Operation(summary = "List a patient's consents", operationId = "listConsents")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping
    List<Consent> history(@PathVariable UUID patientId) {
        return consents.history(patientId);
    }
}
