package org.clinictracker.web.record;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.clinictracker.web.api.ClinicApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Download the record (FHIR)" on the chart: the patient's whole record as the API exports it (a FHIR R4 Bundle
 * that patient-service assembles from every service's part, and audits), handed to the browser as a file, unchanged.
 * A refusal is the usual problem page (ProblemPages): 404 for an unknown patient, 403 for a role the API refuses,
 * 503 "try again" when a part of the record is unavailable, since the API answers no partial record.
 */
@Controller
@RequestMapping("/patients/{id}/record.fhir.json")
class RecordDownload {

    private final ClinicApi api;

    RecordDownload(ClinicApi api) {
        this.api = api;
    }

    @GetMapping
    ResponseEntity<String> download(@PathVariable UUID id) {
        String record = api.getFhirJson("/api/fhir/Patient/{id}/$everything", id);
        ContentDisposition attachment = ContentDisposition.attachment().filename(RecordFileName.of(record, id)).build();
        return ResponseEntity.ok()
                .contentType(new MediaType(ClinicApi.FHIR_JSON, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .body(record);
    }
}
