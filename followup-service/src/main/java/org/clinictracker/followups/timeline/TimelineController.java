package org.clinictracker.followups.timeline;

import java.util.UUID;

import org.clinictracker.platform.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Timeline", description = "A patient's procedures, plans, visits, outcomes and candidates in time order")
@RestController
class TimelineController {

    private final PatientTimelines timelines;

    TimelineController(PatientTimelines timelines) {
        this.timelines = timelines;
    }

    @Operation(summary = "A patient's follow-up timeline: procedures, complications, plans, visits, outcomes, "
            + "reschedules and repeat-treatment candidates in time order", operationId = "readFollowUpTimeline")
    @ProblemResponses({ HttpStatus.NOT_FOUND })
    @GetMapping("/api/followups/timeline")
    Timeline timeline(@RequestParam UUID patientId) {
        return timelines.of(patientId);
    }
}
