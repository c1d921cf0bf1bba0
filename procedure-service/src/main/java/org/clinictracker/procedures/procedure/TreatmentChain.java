package org.clinictracker.procedures.procedure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.clinictracker.procedures.adverse.AdverseEventLog;
import org.clinictracker.procedures.repeat.RepeatLinkage;
import org.clinictracker.procedures.repeat.RepeatLinkage.Link;
import org.clinictracker.procedures.repeat.RepeatLinkage.Treatment;
import org.springframework.stereotype.Component;

/**
 * Keeps a patient's treatment numbers true. Writes to one patient's chain are serialised, and when a
 * late entry or an amendment changes where other procedures stand, each of them gets a new version
 * by the system, with a reason naming the cause, and is announced like any amendment.
 */
@Component
class TreatmentChain {

    private final ProcedureRepository procedures;
    private final AdverseEventLog adverseEvents;
    private final AuditTrail audit;
    private final EventOutbox outbox;

    TreatmentChain(ProcedureRepository procedures, AdverseEventLog adverseEvents, AuditTrail audit, EventOutbox outbox) {
        this.procedures = procedures;
        this.adverseEvents = adverseEvents;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Locks the patient's chain until the transaction ends and reads it as it now stands. */
    List<ProcedureRecord> lockAndRead(UUID patientId) {
        procedures.lockChainOf(patientId);
        return procedures.ofPatient(patientId);
    }

    /** The links of every procedure once {@code details} stands as procedure {@code id} among the others. */
    static Map<UUID, Link> linksWith(UUID id, ProcedureDetails details, List<ProcedureRecord> others) {
        List<Treatment> treatments = new ArrayList<>(others.stream()
                .map(other -> new Treatment(other.id(), other.details().modality(), other.details().performedAt(),
                        other.targets()))
                .toList());
        treatments.add(new Treatment(id, details.modality(), details.performedAt(), ProcedureRecord.targets(details)));
        return RepeatLinkage.chain(treatments);
    }

    /** Gives each of {@code others} whose link changed a new version by the system, saying {@code cause}. */
    void relinkOthers(List<ProcedureRecord> others, Map<UUID, Link> links, String cause, Instant now) {
        for (ProcedureRecord other : others) {
            Link link = links.get(other.id());
            if (link.equals(other.link())) {
                continue;
            }
            ProcedureRecord relinked = new ProcedureRecord(other.id(), other.version() + 1, other.details(),
                    other.performedBy(), other.warnings(), link, other.recordedAt(), other.recordedBy(), now,
                    Clinician.SYSTEM.username());
            if (!procedures.update(relinked, other.version())) {
                // Every write to the chain holds its lock, so this means a write bypassed it.
                throw ProblemException.staleVersion(other.version(), procedures.findById(other.id())
                        .map(ProcedureRecord::version).orElse(other.version()));
            }
            ProcedureView view = ProcedureView.of(relinked, adverseEvents.forProcedure(other.id()));
            procedures.insertVersion(other.id(), relinked.version(), view, cause, Clinician.SYSTEM.username(), now);
            audit.record(other.patientId(), "PROCEDURE_RELINKED", "procedure " + other.id());
            outbox.append(ProcedureEvents.amended(relinked, now));
        }
    }
}
