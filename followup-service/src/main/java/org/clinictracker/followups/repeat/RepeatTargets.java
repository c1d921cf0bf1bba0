package org.clinictracker.followups.repeat;

import java.util.List;
import java.util.Objects;

import org.clinictracker.events.procedures.TreatedTarget;

/**
 * Whether a later procedure treats a target of an earlier one again: the same nerve at the same level, on the same
 * side, or on both sides when the earlier was one of them. An earlier bilateral treatment is not repeated by one
 * side alone: the other side's candidate would close while its pain is still waning (patient safety: a candidate
 * left open costs a coordinator a look, one closed wrongly costs the patient the repeat).
 */
final class RepeatTargets {

    private RepeatTargets() {
    }

    static boolean repeats(List<TreatedTarget> earlier, List<TreatedTarget> later) {
        return earlier.stream().anyMatch(target -> later.stream().anyMatch(again -> covers(again, target)));
    }

    private static boolean covers(TreatedTarget again, TreatedTarget target) {
        if (!Objects.equals(again.nerve(), target.nerve()) || !Objects.equals(again.level(), target.level())) {
            return false;
        }
        return Objects.equals(again.laterality(), target.laterality())
                || "BILATERAL".equals(again.laterality())
                        && ("LEFT".equals(target.laterality()) || "RIGHT".equals(target.laterality()));
    }
}
