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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients/{patientId}/screenings")
class ScreeningController {

    private final CandidacyScreening screening;

    ScreeningController(CandidacyScreening screening) {
        this.screening = screening;
    }

    @PostMapping
    ResponseEntity<Screening> record(@PathVariable UUID patientId, @Valid @RequestBody ScreeningAnswers answers) {
        Screening recorded = screening.record(patientId, answers);
        return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/screenings/" + recorded.id()))
                .body(recorded);
    }

    @GetMapping
    List<Screening> history(@PathVariable UUID patientId) {
        return screening.history(patientId);
    }

    @PostMapping("/{screeningId}/override")
    Screening override(@PathVariable UUID patientId, @PathVariable UUID screeningId,
            @Valid @RequestBody OverrideRequest request) {
        return screening.override(patientId, screeningId, request);
    }
}
