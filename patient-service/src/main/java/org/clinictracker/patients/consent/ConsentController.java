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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients/{patientId}/consents")
class ConsentController {

    private final ConsentRecords consents;

    ConsentController(ConsentRecords consents) {
        this.consents = consents;
    }

    @PostMapping
    ResponseEntity<Consent> record(@PathVariable UUID patientId, @Valid @RequestBody ConsentRequest request) {
        Consent consent = consents.record(patientId, request);
        return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/consents/" + consent.id())).body(consent);
    }

    @GetMapping
    List<Consent> history(@PathVariable UUID patientId) {
        return consents.history(patientId);
    }
}
