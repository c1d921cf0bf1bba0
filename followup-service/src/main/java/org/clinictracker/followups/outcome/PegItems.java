package org.clinictracker.followups.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The PEG scale's three items as answered (0–10 each, any may be missing): P average pain, E interference with
 * enjoyment of life, G interference with general activity (Krebs EE et al., J Gen Intern Med 2009;24:733–8).
 */
public record PegItems(Integer painAverage, Integer enjoyment, Integer activity) {

    public static final PegItems NONE = new PegItems(null, null, null);

    /**
     * The PEG score, the mean of the three items to one decimal (half up), only when all three are answered: a
     * mean of two items is another scale, and would read as a better or worse function than the patient has.
     */
    public Optional<FunctionScore> score() {
        if (painAverage == null || enjoyment == null || activity == null) {
            return Optional.empty();
        }
        BigDecimal mean = BigDecimal.valueOf(painAverage + enjoyment + activity)
                .divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP);
        return Optional.of(new FunctionScore(FunctionInstrument.PEG, mean));
    }

    public boolean any() {
        return painAverage != null || enjoyment != null || activity != null;
    }
}
