package org.clinictracker.procedures.repeat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.clinictracker.vocabulary.Laterality;
import org.clinictracker.vocabulary.Modality;

/**
 * Links a procedure to the earlier treatment of the same nerves: its treatment number (1 for the
 * first, then 2, 3, ...), the procedure before it, the days since, and whether it came early.
 * <p>
 * "Same nerves" means the same modality on at least one common nerve, side and level: a diagnostic
 * block before a cryoneurolysis is preparation, not a repeat. A bilateral target covers both sides.
 */
public final class RepeatLinkage {

    /** A repeat sooner than this after the last treatment of the same target is flagged as early. */
    public static final int EARLY_REPEAT_DAYS = 90;

    private RepeatLinkage() {
    }

    public record Target(String nerve, Laterality laterality, String level) {
    }

    public record EarlierTreatment(UUID procedureId, Modality modality, Instant performedAt, int treatmentNumber,
            List<Target> targets) {
    }

    public record Link(int treatmentNumber, UUID previousProcedureId, Integer daysSincePrevious, boolean earlyRepeat) {

        public static final Link FIRST = new Link(1, null, null, false);
    }

    public static Link link(Modality modality, Instant performedAt, List<Target> targets, List<EarlierTreatment> history) {
        Set<Target> treated = sided(targets);
        Optional<EarlierTreatment> previous = history.stream()
                .filter(earlier -> earlier.modality() == modality)
                .filter(earlier -> earlier.performedAt().isBefore(performedAt))
                .filter(earlier -> sided(earlier.targets()).stream().anyMatch(treated::contains))
                .max(Comparator.comparing(EarlierTreatment::performedAt));
        if (previous.isEmpty()) {
            return Link.FIRST;
        }
        long days = Duration.between(previous.get().performedAt(), performedAt).toDays();
        return new Link(previous.get().treatmentNumber() + 1, previous.get().procedureId(), (int) days,
                days < EARLY_REPEAT_DAYS);
    }

    /** Bilateral stands for left and right, so it meets a one-sided treatment of the same nerve. */
    private static Set<Target> sided(List<Target> targets) {
        return targets.stream()
                .flatMap(target -> target.laterality() == Laterality.BILATERAL
                        ? Stream.of(new Target(target.nerve(), Laterality.LEFT, target.level()),
                                new Target(target.nerve(), Laterality.RIGHT, target.level()))
                        : Stream.of(target))
                .map(target -> new Target(target.nerve(), target.laterality(), Objects.requireNonNullElse(target.level(), "")))
                .collect(Collectors.toSet());
    }
}
