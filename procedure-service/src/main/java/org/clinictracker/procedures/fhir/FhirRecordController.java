package org.clinictracker.procedures.fhir;

import java.util.UUID;

import org.clinictracker.platform.fhir.ClinicFhir;
import org.clinictracker.platform.fhir.FhirMediaTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The patient's procedures as FHIR R4, for patient-service to assemble the record ({@code $everything}) with the
 * caller's own token. HAPI's parser writes the JSON (a String body): Spring's Jackson never sees HAPI's objects.
 */
@Tag(name = "FHIR record", description = "The patient's procedures as FHIR R4 resources, a part of the exported record")
@RestController
class FhirRecordController {

    private final ProcedureRecordPart recordPart;

    FhirRecordController(ProcedureRecordPart recordPart) {
        this.recordPart = recordPart;
    }

    @Operation(summary = "A patient's procedures, targets, devices, measurements and complications as a FHIR R4 collection Bundle",
            operationId = "readProcedureRecordPart")
    @GetMapping(value = "/api/procedures/fhir", produces = FhirMediaTypes.FHIR_JSON_VALUE)
    ResponseEntity<String> recordPart(@RequestParam UUID patientId) {
        return ResponseEntity.ok().contentType(FhirMediaTypes.FHIR_JSON).body(ClinicFhir.toJson(recordPart.of(patientId)));
    }
}
