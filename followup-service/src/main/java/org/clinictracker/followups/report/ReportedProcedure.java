package org.clinictracker.followups.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.vocabulary.Modality;

/**
 * What the report needs of one procedure in scope, read in one pass ({@link ReportedProcedures}): its group keys,
 * its plan's response so far, and the outcome that counts in each window it has one in.
 *
 * @param indication       the indication's code, or null where the procedure names none
 * @param nerves           the distinct catalogue codes among its targets
 * @param baselinePain     the plan's baseline pain score, what responders and pain reduction are measured from
 * @param plannedWindows   the windows its protocol schedules a visit in: only there can a patient be lost
 * @param lastOutcomeOn    the day of its latest outcome, in any window or none
 * @param repeatedOn       the day of the first procedure that repeated this one (its follow-up moved there)
 * @param daysSincePrevious for a repeat treatment, the days since the procedure it repeated
 * @param opioidBefore     the patient's opioid use at intake (MME/day), where known
 */
record ReportedProcedure(UUID procedureId, UUID patientId, LocalDate performedOn, Modality modality, String indication,
        List<String> nerves, Integer baselinePain, LocalDate responderSince, LocalDate reliefEndedOn,
        Set<ReportWindow> plannedWindows, LocalDate lastOutcomeOn, LocalDate repeatedOn, boolean repeat,
        Integer daysSincePrevious, Double opioidBefore, Map<ReportWindow, WindowFacts> windows,
        List<AdverseEvents> adverseEvents) {

    /** The latest outcome assessed in a window (null fields: not recorded). */
    record WindowFacts(Boolean responder, Integer painScore, Double opioidMmePerDay) {
    }

    /** The procedure's adverse events of one type and seriousness. */
    record AdverseEvents(String type, boolean serious, int count) {
    }

    /**
     * Lost to follow-up in this window: the protocol planned a visit in it, the window is over, no outcome was
     * assessed in it, and no repeat treatment took over the follow-up before the window ended.
     */
    boolean lostIn(ReportWindow window, LocalDate today) {
        LocalDate windowEnd = performedOn.plusDays(window.lastDay());
        return plannedWindows.contains(window) && windowEnd.isBefore(today) && !windows.containsKey(window)
                && (repeatedOn == null || repeatedOn.isAfter(windowEnd));
    }

    /** Days from the procedure to a day. */
    long daysTo(LocalDate day) {
        return ChronoUnit.DAYS.between(performedOn, day);
    }
}
