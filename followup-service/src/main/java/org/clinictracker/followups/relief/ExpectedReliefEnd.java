package org.clinictracker.followups.relief;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.clinictracker.followups.report.PublishedOutcomes;
import org.clinictracker.vocabulary.Modality;

/**
 * When a responder's relief will likely wane, with the range around it and what it is drawn from (issue 7):
 * the patient's own earlier relief on the same targets where there is any; otherwise the clinic's own record
 * for the modality and nerve once it holds enough treatments; otherwise the published range. It is a hint for
 * booking a review before the pain returns; it never moves or hides a follow-up visit.
 * <p>
 * Durations are whole days from the procedure to the day relief was found ended. A month is 30 days, as in
 * the protocols (MONTH_3 is day 90), so a published "3 months" lines up with the MONTH_3 visit and is never
 * later than a calendar month would put it. Fractional days are rounded towards the earlier date for the
 * likely and earliest ends (an early review is harmless, a late one lets the pain come back first), and
 * towards the later date for the latest end (the range is never narrower than the record).
 */
public record ExpectedReliefEnd(LocalDate likely, LocalDate earliest, LocalDate latest, ReliefBasis basis,
        Integer sampleSize) {

    public static final int DAYS_PER_MONTH = 30;

    /**
     * The published range in days, from the one catalogue the outcome report also shows ({@link PublishedOutcomes}:
     * cryoneurolysis 3–12 months, RFA 3–9 months); none for a nerve block.
     */
    static ReliefRange publishedRangeDays(Modality modality) {
        return PublishedOutcomes.relief(modality)
                .map(figure -> new ReliefRange(figure.low().intValue(), figure.high().intValue()))
                .orElse(null);
    }

    record ReliefRange(int fromDays, int toDays) {
    }

    /**
     * The estimate for a responder's plan whose relief has not ended, or none (a nerve block with no history).
     *
     * @param ownReliefDays     how long relief lasted after this patient's earlier treatments of the same targets
     * @param clinicReliefDays  how long it lasted after the clinic's treatments of the modality on a common nerve
     * @param minClinicSample   how many clinic treatments make the clinic's record worth more than the literature
     */
    public static Optional<ExpectedReliefEnd> estimate(Modality modality, LocalDate performedOn,
            List<Integer> ownReliefDays, List<Integer> clinicReliefDays, int minClinicSample) {
        return estimate(modality, performedOn, ownReliefDays, () -> clinicReliefDays, minClinicSample);
    }

    /** As above, reading the clinic's record only when the patient's own history tells nothing. */
    public static Optional<ExpectedReliefEnd> estimate(Modality modality, LocalDate performedOn,
            List<Integer> ownReliefDays, Supplier<List<Integer>> clinicReliefDays, int minClinicSample) {
        List<Integer> own = possible(ownReliefDays);
        if (!own.isEmpty()) {
            return Optional.of(new ExpectedReliefEnd(performedOn.plusDays((long) Math.floor(percentile(own, 50))),
                    performedOn.plusDays(own.get(0)), performedOn.plusDays(own.get(own.size() - 1)),
                    ReliefBasis.OWN_HISTORY, own.size()));
        }
        List<Integer> clinic = possible(clinicReliefDays.get());
        if (!clinic.isEmpty() && clinic.size() >= minClinicSample) {
            return Optional.of(new ExpectedReliefEnd(performedOn.plusDays((long) Math.floor(percentile(clinic, 50))),
                    performedOn.plusDays((long) Math.floor(percentile(clinic, 25))),
                    performedOn.plusDays((long) Math.ceil(percentile(clinic, 75))),
                    ReliefBasis.CLINIC_RECORD, clinic.size()));
        }
        ReliefRange published = publishedRangeDays(modality);
        if (published == null) {
            return Optional.empty();
        }
        int midpoint = (published.fromDays() + published.toDays()) / 2;
        return Optional.of(new ExpectedReliefEnd(performedOn.plusDays(midpoint), performedOn.plusDays(published.fromDays()),
                performedOn.plusDays(published.toDays()), ReliefBasis.PUBLISHED_RANGE, null));
    }

    /** Sorted, without the impossible: relief cannot end before the procedure (a date amended since). */
    private static List<Integer> possible(List<Integer> days) {
        return days.stream().filter(day -> day != null && day >= 0).sorted(Comparator.naturalOrder()).toList();
    }

    /** The usual linear interpolation between order statistics (R-7, as in spreadsheets and PostgreSQL). */
    private static double percentile(List<Integer> sortedDays, double p) {
        double[] values = sortedDays.stream().mapToDouble(Integer::doubleValue).toArray();
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
    }
}
