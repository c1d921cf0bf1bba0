package org.clinictracker.followups.report;

import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.report.statistics.SurvivalCount;
import org.clinictracker.vocabulary.Modality;

/**
 * The procedures in scope that share a modality, an indication and a list of targets, aggregated by PostgreSQL
 * ({@link ReportedProcedures}): every group of the report (overall, a modality, an indication, a nerve) is a union
 * of such cells, so their figures add up to the group's. Counts add; means add as {@link Moments}; relief adds as
 * counts per day. Patients do not simply add (a patient treated twice may be in two cells): {@code cellOnlyPatients}
 * counts the patients all of whose plans in scope are in this cell, and {@code sharedPatients} names the others
 * (also in another cell), so that a group counts each of them once.
 *
 * @param indication the indication's code, {@link OutcomeReports#NO_INDICATION} where the procedure names none
 * @param nerves     the distinct catalogue codes among the targets
 * @param windows    by {@link ReportWindow#ordinal()}
 * @param relief     the procedures that brought relief, counted by the day it ended (event) or was last seen
 * @param outcomes   the outcomes of the cell's plans (one per visit with an outcome), in any window or none
 * @param patientOutcomes of those, the ones the patient answered through a link
 */
record ReportCell(Modality modality, String indication, List<String> nerves, int procedures, int cellOnlyPatients,
        List<UUID> sharedPatients, WindowCell[] windows, Moments opioidBefore, int repeats, Moments repeatIntervalDays,
        List<SurvivalCount> relief, List<AdverseEvents> adverseEvents, int outcomes, int patientOutcomes) {

    /** One window's figures in the cell: assessed, responders, lost and assessed outside add; the means as moments. */
    record WindowCell(int assessed, int responders, int lost, int outside, Moments pain, Moments reduction,
            Moments opioids) {
    }

    /** The cell's adverse events of one type and seriousness: how many, and in how many procedures. */
    record AdverseEvents(String type, boolean serious, int events, int procedures) {
    }

    ReportCell withAdverseEvents(List<AdverseEvents> events) {
        return new ReportCell(modality, indication, nerves, procedures, cellOnlyPatients, sharedPatients, windows,
                opioidBefore, repeats, repeatIntervalDays, relief, List.copyOf(events), outcomes, patientOutcomes);
    }
}
