package org.clinictracker.followups.fhir;

import java.util.UUID;

import org.clinictracker.platform.fhir.FhirMediaTypes;
import org.clinictracker.platform.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "FHIR record", description = "followup-service's part of a patient's FHIR R4 record")
@RestController
class FollowUpRecordController {

    private final FollowUpRecord record;

    FollowUpRecordController(FollowUpRecord record) {
        this.record = record;
    }

    /**
     * HAPI's parser writes the body (a String), never Spring's Jackson: the content type is set here rather than
     * negotiated, so the record's assembler may ask with any Accept header.
     */
    @Operation(summary = "A patient's follow-up record as FHIR R4: a collection Bundle of the outcomes' Observations, "
            + "the follow-up visits (Appointment), the plans (CarePlan) and repeat-treatment proposals (ServiceRequest); "
            + "patient-service assembles it into Patient/{id}/$everything", operationId = "readFollowUpFhirRecord")
    @ApiResponse(responseCode = "200", description = "A FHIR R4 Bundle of type collection",
            content = @Content(mediaType = FhirMediaTypes.FHIR_JSON_VALUE, schema = @Schema(type = "object")))
    @ProblemResponses({ HttpStatus.BAD_REQUEST })
    @GetMapping("/api/followups/fhir")
    ResponseEntity<String> record(@RequestParam UUID patientId) {
        return ResponseEntity.ok().contentType(FhirMediaTypes.FHIR_JSON).body(record.of(patientId));
    }
}
