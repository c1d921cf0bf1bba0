package org.clinictracker.web.record;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.api.ApiFile;
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
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        // the id is a UUID, so it goes into the path as it is
        ApiFile record = api.download("/api/fhir/Patient/" + id + "/$everything", Map.of(), ClinicApi.FHIR_JSON);
        // FHIR's JSON is UTF-8; decoded only to name the file, the bytes go on as the API wrote them
        String fileName = RecordFileName.of(new String(record.body(), StandardCharsets.UTF_8), id);
        ContentDisposition attachment = ContentDisposition.attachment().filename(fileName).build();
        return ResponseEntity.ok()
                .contentType(new MediaType(ClinicApi.FHIR_JSON, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .body(record.body());
    }
}
