package org.clinictracker.procedures.procedure;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.procedures.repeat.RepeatLinkage;
import org.springframework.http.HttpStatus;

/**
 * The same case typed twice: a patient cannot have two procedures on a common nerve, side and level
 * at the same time, so another one within a minute of it is refused as a probable duplicate unless
 * the proceduralist confirmed, in {@code notDuplicateOf}, that it is a different case.
 */
final class SameCase {

    /** Times are typed to the minute; seconds apart is the same moment. */
    static final Duration SAME_TIME = Duration.ofMinutes(1);

    private SameCase() {
    }

    static void refuseProbableDuplicate(ProcedureDetails details, List<ProcedureRecord> others) {
        Set<UUID> confirmedOthers = new HashSet<>(details.notDuplicateOf());
        List<Map<String, Object>> candidates = others.stream()
                .filter(other -> !confirmedOthers.contains(other.id()))
                .filter(other -> sameCase(other.details(), details))
                .map(SameCase::candidate)
                .toList();
        if (!candidates.isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "possible-duplicate", "Possible duplicate procedure",
                    "This patient already has a procedure on the same target at the same time. Open that record, "
                            + "or confirm this is a different case by sending its id in notDuplicateOf.")
                    .with("candidates", candidates);
        }
    }

    /**
     * For an amendment: refuses only a duplicate the correction creates. A record that already stood beside
     * this one before (recorded and confirmed as a different case then) does not block fixing a typo.
     */
    static void refuseNewDuplicate(ProcedureDetails amended, ProcedureDetails before, List<ProcedureRecord> others) {
        refuseProbableDuplicate(amended, others.stream().filter(other -> !sameCase(other.details(), before)).toList());
    }

    private static boolean sameCase(ProcedureDetails one, ProcedureDetails other) {
        return Duration.between(one.performedAt(), other.performedAt()).abs().compareTo(SAME_TIME) < 0
                && RepeatLinkage.shareATarget(ProcedureRecord.targets(one), ProcedureRecord.targets(other));
    }

    private static Map<String, Object> candidate(ProcedureRecord other) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("id", other.id());
        candidate.put("performedAt", other.details().performedAt());
        candidate.put("modality", other.details().modality());
        candidate.put("performedBy", other.performedBy());
        return candidate;
    }
}
