package org.clinictracker.followups.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.followups.report.statistics.SurvivalTime;
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
 * @param patient          the patient as a small number, unique within one report (counting distinct patients)
 * @param windows          by {@link ReportWindow#ordinal()}: the outcome that counts in each window, null if none
 */
record ReportedProcedure(UUID procedureId, UUID patientId, int patient, LocalDate performedOn, Modality modality,
        String indication,
        List<String> nerves, Integer baselinePain, LocalDate responderSince, LocalDate reliefEndedOn,
        Set<ReportWindow> plannedWindows, LocalDate lastOutcomeOn, LocalDate repeatedOn, boolean repeat,
        Integer daysSincePrevious, Double opioidBefore, WindowFacts[] windows,
        List<AdverseEvents> adverseEvents) {

    /**
     * The latest outcome assessed in a window: its responder verdict (null: none), pain score (−1: not recorded)
     * and opioid use (NaN: not recorded). Primitives: read for every procedure of every group.
     */
    record WindowFacts(Boolean responder, int painScore, double opioidMmePerDay) {

        boolean hasPainScore() {
            return painScore >= 0;
        }

        boolean hasOpioidUse() {
            return !Double.isNaN(opioidMmePerDay);
        }
    }

    /** The outcome that counts in this window, or null. */
    WindowFacts facts(ReportWindow window) {
        return windows[window.ordinal()];
    }

    /** The procedure's adverse events of one type and seriousness. */
    record AdverseEvents(String type, boolean serious, int count) {
    }

    /**
     * Lost to follow-up in this window: the protocol planned a visit in it, the window is over, no outcome was
     * assessed in it, and no repeat treatment took over the follow-up before the window ended. Epoch days: this is
     * asked for every procedure of every group.
     */
    boolean lostIn(ReportWindow window, long todayEpochDay) {
        long windowEnd = performedOn.toEpochDay() + window.lastDay();
        return windowEnd < todayEpochDay && plannedWindows.contains(window) && windows[window.ordinal()] == null
                && (repeatedOn == null || repeatedOn.toEpochDay() > windowEnd);
    }

    /**
     * Its relief for the Kaplan–Meier estimate, if it brought any (a responder day): days from the procedure to the
     * end of relief (waning relief or a repeat treatment: the event) or, still relieved, to the last outcome (or the
     * responder day, should that be later): censored there.
     */
    SurvivalTime relief() {
        if (responderSince == null) {
            return null;
        }
        if (reliefEndedOn != null) {
            return new SurvivalTime(daysTo(reliefEndedOn), true);
        }
        LocalDate lastSeen = lastOutcomeOn == null || lastOutcomeOn.isBefore(responderSince) ? responderSince
                : lastOutcomeOn;
        return new SurvivalTime(daysTo(lastSeen), false);
    }

    /** Days from the procedure to a day. */
    long daysTo(LocalDate day) {
        return day.toEpochDay() - performedOn.toEpochDay();
    }
}
