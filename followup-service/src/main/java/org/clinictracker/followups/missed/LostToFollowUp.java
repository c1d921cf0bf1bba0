package org.clinictracker.followups.missed;

import java.time.LocalDate;

/**
 * domain.md: "repeated misses mark the patient lost to follow-up". A patient's misses are counted in a row since
 * their last outcome (any outcome resets the count); the miss that brings the count to {@code lostAfterMisses}
 * marks them lost from that day. Once lost, a patient stays lost until an outcome is recorded: the day they were
 * first lost is kept, not moved by later misses.
 */
public final class LostToFollowUp {

    private final int lostAfterMisses;

    public LostToFollowUp(int lostAfterMisses) {
        if (lostAfterMisses < 1) {
            throw new IllegalArgumentException("clinic.followups.lost-after-misses must be at least 1");
        }
        this.lostAfterMisses = lostAfterMisses;
    }

    public int lostAfterMisses() {
        return lostAfterMisses;
    }

    /** The patient's standing after one more missed visit, noticed on {@code today}. */
    public Standing afterMiss(Standing before, LocalDate today) {
        int misses = before.consecutiveMisses() + 1;
        LocalDate lostSince = before.lostSince() != null ? before.lostSince()
                : misses >= lostAfterMisses ? today : null;
        return new Standing(misses, lostSince);
    }

    /** Misses in a row since the last outcome, and since when the patient is lost to follow-up (null: not lost). */
    public record Standing(int consecutiveMisses, LocalDate lostSince) {

        public static final Standing FOLLOWED = new Standing(0, null);

        public Standing {
            if (consecutiveMisses < 0) {
                throw new IllegalArgumentException("consecutiveMisses must not be negative");
            }
        }

        public boolean lost() {
            return lostSince != null;
        }
    }
}
