package org.clinictracker.followups.repeat;

/** What a coordinator does with a candidate (api.md). */
public enum DecisionAction {
    CONSULT_BOOKED,
    DISMISSED;

    RepeatStatus status() {
        return RepeatStatus.valueOf(name());
    }
}
