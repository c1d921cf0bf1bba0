package org.clinictracker.followups.worklist;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.platform.openapi.ProblemResponses;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.versioning.VersionTag;
import org.clinictracker.vocabulary.Modality;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Worklist", description = "The coordinators' follow-up visits: due, overdue and missed, assigned and rescheduled")
@RestController
@RequestMapping("/api/followups")
class WorklistController {

    private final Worklist worklist;

    WorklistController(Worklist worklist) {
        this.worklist = worklist;
    }

    @Operation(summary = "The follow-up worklist, most urgent first", operationId = "listFollowUps", description = """
            Without status or view: every open and missed visit. Order: safety checks for a serious adverse event \
            first, then missed and overdue visits (oldest due day first), then visits in their window (the window \
            closing first first), then scheduled ones (by due day), then completed and cancelled ones; ties by id. \
            Statuses, view and the other filters combine with AND; dueFrom and dueTo are inclusive. \
            View PATIENT_ANSWERED lists instead the visits the patient answered through a link whose answers no \
            coordinator has reviewed yet, oldest answer first (they are completed, so the other views leave them out: \
            a patient who answered needs no call). Each item has patientLink, the visit's latest link to the \
            patient's questions (null if none): state ISSUED, SENT, SEND_FAILED, OPENED, ANSWERED or EXPIRED, with \
            sentAt, openedAt, answeredAt and expiresAt; and emailOnFile, whether a link can be e-mailed.""")
    @ProblemResponses({ HttpStatus.BAD_REQUEST })
    @GetMapping
    PageOf<WorklistItem> list(
            @RequestParam(required = false) UUID patientId,
            @Parameter(description = "one or more of SCHEDULED, DUE, OVERDUE, MISSED, COMPLETED, CANCELLED")
            @RequestParam(required = false) Set<VisitStatus> status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(required = false) @Pattern(regexp = AssignmentRequest.USERNAME) String assignee,
            @Parameter(description = "true: only the visits nobody has taken yet")
            @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(required = false) Modality modality,
            @Parameter(description = "TODAY (due today), THIS_WEEK (due today to 6 days ahead), OVERDUE, MISSED,"
                    + " PATIENT_ANSWERED (answered by the patient, not reviewed yet, oldest answer first)")
            @RequestParam(required = false) WorklistView view,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return worklist.list(new WorklistFilter(patientId, status, dueFrom, dueTo,
                assignee == null ? null : assignee.toLowerCase(Locale.ROOT), unassigned, modality, view),
                new PageRequest(page, size));
    }

    @Operation(summary = "Give a visit to a coordinator, or back to nobody with a null assignee (optional If-Match)",
            operationId = "assignFollowUp")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.PRECONDITION_FAILED })
    @PostMapping("/{id}/assign")
    ResponseEntity<WorklistItem> assign(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AssignmentRequest request) {
        return answer(worklist.assign(id, expectedVersion(ifMatch), request.assignee()));
    }

    @Operation(summary = "Move an open or missed visit to a new due day, with a reason (optional If-Match)",
            operationId = "rescheduleFollowUp")
    @ProblemResponses({ HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.PRECONDITION_FAILED,
            HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/reschedule")
    ResponseEntity<WorklistItem> reschedule(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RescheduleRequest request) {
        return answer(worklist.reschedule(id, expectedVersion(ifMatch), request.dueOn(), request.reason()));
    }

    /** If-Match is optional here: without it the change applies to whatever version is current. */
    private static Integer expectedVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : VersionTag.fromIfMatch(ifMatch);
    }

    private static ResponseEntity<WorklistItem> answer(WorklistItem visit) {
        return ResponseEntity.ok().eTag(VersionTag.etag(visit.version())).body(visit);
    }

}
