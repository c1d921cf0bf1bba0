package org.clinictracker.procedures.procedure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clinictracker.procedures.repeat.RepeatLinkage;
import org.clinictracker.procedures.rules.Warning;

/**
 * A procedure as it stands: the logged details (without adverse events, which live on their own,
 * and without the amendment reason, which belongs to a version), who performed it, the warnings the
 * rules raised, and its place among repeat treatments.
 */
public record ProcedureRecord(UUID id, int version, ProcedureDetails details, String performedBy,
        List<Warning> warnings, RepeatLinkage.Link link, Instant recordedAt, String recordedBy, Instant amendedAt,
        String amendedBy) {

    public UUID patientId() {
        return details.patientId();
    }

    public List<RepeatLinkage.Target> targets() {
        return targets(details);
    }

    static List<RepeatLinkage.Target> targets(ProcedureDetails details) {
        return details.targets().stream()
                .map(target -> new RepeatLinkage.Target(target.nerve(), target.laterality(), target.level()))
                .toList();
    }
}
