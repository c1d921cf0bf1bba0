package org.clinictracker.patients.audit;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.clinictracker.platform.audit.AuditEntry;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The clinic admin's look at who saw or changed a patient's chart; looking is itself audited. */
@Tag(name = "Audit", description = "Who saw or changed a chart, for the clinic admin")
@RestController
class PatientAuditController {

    private final AuditTrail audit;

    PatientAuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @Operation(summary = "Who saw or changed a patient's chart (clinic admin)", operationId = "readPatientAudit")
    @GetMapping("/api/patients/{patientId}/audit")
    public PageOf<AuditEntry> trail(@PathVariable UUID patientId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return audit.forPatient(patientId, new PageRequest(page, size));
    }
}
