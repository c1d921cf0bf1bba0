package org.clinictracker.followups.report;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/reports/outcomes}: the clinic's outcomes for the procedures in scope, as a whole and broken down
 * by modality, indication and target nerve (a procedure with two nerves counts under each). Every figure carries
 * its group's size and an interval; the source's published figures stand beside it where there is one.
 */
public record OutcomeReport(ReportScope scope, Instant generatedAt, OutcomeGroup overall,
        List<OutcomeGroup> byModality, List<OutcomeGroup> byIndication, List<OutcomeGroup> byNerve) {
}
