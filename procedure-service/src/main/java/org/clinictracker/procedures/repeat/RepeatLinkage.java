package org.clinictracker.procedures.repeat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Numbering counts the same modality on at least one common nerve, side and level: a diagnostic
 * block before a cryoneurolysis is preparation, not a second cryoneurolysis. The early-repeat flag
 * is about the nerve, not the modality: any treatment of a common nerve, side and level less than
 * {@value #EARLY_REPEAT_DAYS} days before flags it. A bilateral target covers both sides.
 */
public final class RepeatLinkage {

    /** A repeat sooner than this after the last treatment of the same target is flagged as early. */
    public static final int EARLY_REPEAT_DAYS = 90;

    private RepeatLinkage() {
    }

    public record Target(String nerve, Laterality laterality, String level) {
    }

    /** One of a patient's procedures, as far as linkage cares. */
    public record Treatment(UUID procedureId, Modality modality, Instant performedAt, List<Target> targets) {
    }

    public record EarlierTreatment(UUID procedureId, Modality modality, Instant performedAt, int treatmentNumber,
            List<Target> targets) {
    }

    public record Link(int treatmentNumber, UUID previousProcedureId, Integer daysSincePrevious, boolean earlyRepeat) {

        public static final Link FIRST = new Link(1, null, null, false);
    }

    /**
     * The link of a procedure given the patient's other procedures (any modality, any date: only
     * those performed strictly before it count) with their treatment numbers.
     */
    public static Link link(Modality modality, Instant performedAt, List<Target> targets, List<EarlierTreatment> history) {
        Set<Target> treated = sided(targets);
        List<EarlierTreatment> sameNerveBefore = history.stream()
                .filter(earlier -> earlier.performedAt().isBefore(performedAt))
                .filter(earlier -> sided(earlier.targets()).stream().anyMatch(treated::contains))
                .toList();
        boolean early = sameNerveBefore.stream()
                .map(earlier -> Duration.between(earlier.performedAt(), performedAt).toDays())
                .anyMatch(days -> days < EARLY_REPEAT_DAYS);
        Optional<EarlierTreatment> previous = sameNerveBefore.stream()
                .filter(earlier -> earlier.modality() == modality)
                .max(Comparator.comparing(EarlierTreatment::performedAt));
        if (previous.isEmpty()) {
            return new Link(1, null, null, early);
        }
        long days = Duration.between(previous.get().performedAt(), performedAt).toDays();
        return new Link(previous.get().treatmentNumber() + 1, previous.get().procedureId(), (int) days, early);
    }

    /**
     * The links of all of a patient's procedures, worked out from the first to the last, so that a
     * late entry or a moved date renumbers everything after it.
     */
    public static Map<UUID, Link> chain(List<Treatment> treatments) {
        List<Treatment> inOrder = treatments.stream()
                .sorted(Comparator.comparing(Treatment::performedAt).thenComparing(Treatment::procedureId))
                .toList();
        Map<UUID, Link> links = new LinkedHashMap<>();
        List<EarlierTreatment> linked = new ArrayList<>();
        for (Treatment treatment : inOrder) {
            Link link = link(treatment.modality(), treatment.performedAt(), treatment.targets(), linked);
            links.put(treatment.procedureId(), link);
            linked.add(new EarlierTreatment(treatment.procedureId(), treatment.modality(), treatment.performedAt(),
                    link.treatmentNumber(), treatment.targets()));
        }
        return links;
    }

    /** Whether two procedures treat at least one common nerve on a common side and level. */
    public static boolean shareATarget(List<Target> some, List<Target> others) {
        Set<Target> treated = sided(some);
        return sided(others).stream().anyMatch(treated::contains);
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
