package org.clinictracker.followups.audit;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.clinictracker.platform.audit.AuditEntry;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The clinic admin's look at who saw or changed a patient's follow-ups; looking is audited too. */
@Tag(name = "Audit", description = "Who saw or changed follow-up records, for the clinic admin")
@RestController
class FollowUpAuditController {

    private final AuditTrail audit;

    FollowUpAuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @Operation(summary = "Who saw or changed a patient's follow-ups, newest first (clinic admin)", operationId = "readFollowUpAudit")
    @GetMapping("/api/followups/audit")
    PageOf<AuditEntry> trail(@RequestParam UUID patientId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return audit.forPatient(patientId, new PageRequest(page, size));
    }
}
