package org.clinictracker.patients.fhir;

import java.util.UUID;

import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirMediaTypes;
import org.clinictracker.platform.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "FHIR record", description = "A patient's whole record as a FHIR R4 Bundle, for the next physician")
@RestController
class FhirRecordController {

    private final PatientEverything everything;

    FhirRecordController(PatientEverything everything) {
        this.everything = everything;
    }

    /**
     * FHIR's Patient-everything: the chart, procedures, adverse events and follow-ups as one {@code searchset}
     * Bundle. HAPI writes the JSON ({@code application/fhir+json}); Spring's Jackson never sees a FHIR object.
     */
    @Operation(summary = "Export a patient's whole record as FHIR R4 (all or nothing)", operationId = "exportFhirRecord")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE })
    @GetMapping(path = "/api/fhir/Patient/{id}/$everything", produces = FhirMediaTypes.FHIR_JSON_VALUE)
    ResponseEntity<String> everything(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        return ResponseEntity.ok()
                .contentType(FhirMediaTypes.FHIR_JSON)
                .body(ClinicFhir.toJson(everything.export(id, caller.getTokenValue())));
    }
}
