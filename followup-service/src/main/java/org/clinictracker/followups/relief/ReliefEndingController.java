package org.clinictracker.followups.relief;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Relief", description = "Responders whose relief is expected to end soon, to book a review before the pain returns")
@RestController
class ReliefEndingController {

    private final ReliefEndingList list;

    ReliefEndingController(ReliefEndingList list) {
        this.list = list;
    }

    @Operation(summary = "Responders whose expected end of relief falls within the next withinDays days, soonest first",
            operationId = "listReliefEnding")
    @GetMapping("/api/followups/relief-ending")
    PageOf<ReliefEnding> reliefEnding(@RequestParam(defaultValue = "30") @Min(1) @Max(365) int withinDays,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return list.within(withinDays, new PageRequest(page, size));
    }
}
