package org.clinictracker.procedures.procedure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.input.VisibleText;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.paging.PageOf;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.platform.problem.FieldError;
import org.clinictracker.platform.problem.ProblemException;
import org.clinictracker.platform.security.Clinician;
import org.clinictracker.procedures.adverse.AdverseEvent;
import org.clinictracker.procedures.adverse.AdverseEventLog;
import org.clinictracker.procedures.adverse.AdverseEventLog.ProcedureRef;
import org.clinictracker.procedures.patient.KnownPatients;
import org.clinictracker.procedures.procedure.ProcedureRepository.Filter;
import org.clinictracker.procedures.repeat.RepeatLinkage;
import org.clinictracker.procedures.rules.ProcedureRules;
import org.clinictracker.procedures.rules.RuleCheck;
import org.clinictracker.procedures.rules.Warning;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proceduralists' log: records a case for a patient this service knows and may treat with that
 * modality ({@link TreatmentClearance}), checks it against the clinic's rules, refuses the same case
 * typed twice, links it to earlier treatments of the same nerves (one write per patient at a time, see
 * {@link TreatmentChain}), and corrects it only by amendment, keeping every version. Reads and changes
 * are audited, changes announced.
 */
@Service
public class ProcedureLog {

    /** Clocks of the clinic's workstations may run a little ahead of the server's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ProcedureRepository procedures;
    private final KnownPatients patients;
    private final AdverseEventLog adverseEvents;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final TreatmentChain chain;
    private final Clock clock;

    public ProcedureLog(ProcedureRepository procedures, KnownPatients patients, AdverseEventLog adverseEvents,
            AuditTrail audit, EventOutbox outbox, TreatmentChain chain, Clock clock) {
        this.procedures = procedures;
        this.chain = chain;
        this.patients = patients;
        this.adverseEvents = adverseEvents;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public ProcedureView record(ProcedureDetails details) {
        Instant now = Instant.now(clock);
        refuseFuture(details, now);
        List<Warning> clearance = TreatmentClearance.check(patients, details);
        RuleCheck check = checked(details);
        UUID id = UUID.randomUUID();
        List<ProcedureRecord> others = chain.lockAndRead(details.patientId());
        SameCase.refuseProbableDuplicate(details, others);
        Map<UUID, RepeatLinkage.Link> links = TreatmentChain.linksWith(id, details, others);
        RepeatLinkage.Link link = links.get(id);
        String clinician = Clinician.current().username();
        ProcedureRecord record = new ProcedureRecord(id, 0, withoutReports(details), clinician,
                concat(clearance, check.warnings()), link, now, clinician, null, null);
        procedures.insert(record);
        List<AdverseEvent> reported = adverseEvents.report(refOf(record), details.adverseEvents(), "adverseEvents");
        ProcedureView view = ProcedureView.of(record, reported);
        procedures.insertVersion(id, 0, view, null, clinician, now);
        audit.record(record.patientId(), "PROCEDURE_RECORDED", "procedure " + id);
        outbox.append(ProcedureEvents.recorded(record, now));
        chain.relinkOthers(others, links, "Repeat linkage recomputed: procedure " + id + " performed "
                + details.performedAt() + " was recorded after this one", now);
        return view;
    }

    /** A correction made on {@code expectedVersion}, with a reason; the earlier versions stay readable. */
    @Transactional
    public ProcedureView amend(UUID id, int expectedVersion, ProcedureDetails details) {
        List<ProcedureRecord> patientsProcedures = chain.lockAndRead(existing(id).patientId());
        ProcedureRecord current = existing(id);
        if (current.version() != expectedVersion) {
            throw ProblemException.staleVersion(expectedVersion, current.version());
        }
        if (VisibleText.isBlank(details.amendmentReason())) {
            throw ProblemException.invalidField("amendmentReason", "is required: say why the record is corrected");
        }
        if (!details.adverseEvents().isEmpty()) {
            throw ProblemException.invalidField("adverseEvents",
                    "are reported with POST /api/procedures/{id}/adverse-events, not in an amendment");
        }
        if (!details.patientId().equals(current.patientId())) {
            throw ProblemException.ruleViolations(List.of(new FieldError("patientId",
                    "cannot change: a procedure on another patient is recorded as a new procedure")));
        }
        Instant now = Instant.now(clock);
        refuseFuture(details, now);
        // Same modality: what was documented when the case was recorded stays on every later version.
        // Another modality is judged like a new record, or an amendment would get round the screening.
        List<Warning> clearance = details.modality() == current.details().modality()
                ? TreatmentClearance.keptFrom(current.warnings())
                : TreatmentClearance.check(patients, details);
        RuleCheck check = checked(details);
        List<ProcedureRecord> others = patientsProcedures.stream().filter(other -> !other.id().equals(id)).toList();
        SameCase.refuseNewDuplicate(details, current.details(), others);
        Map<UUID, RepeatLinkage.Link> links = TreatmentChain.linksWith(id, details, others);
        RepeatLinkage.Link link = links.get(id);
        String clinician = Clinician.current().username();
        ProcedureRecord amended = new ProcedureRecord(id, current.version() + 1, withoutReports(details),
                current.performedBy(), concat(clearance, check.warnings()), link,
                current.recordedAt(), current.recordedBy(), now, clinician);
        if (!procedures.update(amended, expectedVersion)) {
            throw ProblemException.staleVersion(expectedVersion, existing(id).version());
        }
        ProcedureView view = ProcedureView.of(amended, adverseEvents.forProcedure(id));
        procedures.insertVersion(id, amended.version(), view, details.amendmentReason(), clinician, now);
        audit.record(amended.patientId(), "PROCEDURE_AMENDED", "procedure " + id);
        outbox.append(ProcedureEvents.amended(amended, now));
        chain.relinkOthers(others, links, "Repeat linkage recomputed: procedure " + id + " was amended (version "
                + amended.version() + ", performed " + details.performedAt() + ")", now);
        return view;
    }

    @Transactional
    public ProcedureView read(UUID id) {
        ProcedureRecord record = existing(id);
        audit.record(record.patientId(), "PROCEDURE_READ", "procedure " + id);
        return ProcedureView.of(record, adverseEvents.forProcedure(id));
    }

    /** Every version of the record, the first as logged, each amendment with its reason, author and time. */
    @Transactional
    public List<ProcedureVersion> history(UUID id) {
        ProcedureRecord record = existing(id);
        audit.record(record.patientId(), "PROCEDURE_HISTORY_READ", "procedure " + id);
        return procedures.versions(id);
    }

    @Transactional
    public PageOf<ProcedureView> list(Filter filter, PageRequest page) {
        List<ProcedureRecord> found = procedures.list(filter, page);
        Map<UUID, List<AdverseEvent>> events = adverseEvents.forProcedures(found.stream().map(ProcedureRecord::id).toList());
        audit.recordAll(found.stream().map(ProcedureRecord::patientId).distinct().toList(), "PROCEDURE_LISTED",
                "procedure list");
        return PageOf.of(found.stream().map(r -> ProcedureView.of(r, events.getOrDefault(r.id(), List.of()))).toList(),
                page, procedures.count(filter));
    }

    private ProcedureRecord existing(UUID id) {
        return procedures.findById(id).orElseThrow(() -> ProblemException.notFound("Procedure", id));
    }

    private static RuleCheck checked(ProcedureDetails details) {
        RuleCheck check = ProcedureRules.check(details);
        if (!check.passes()) {
            throw ProblemException.ruleViolations(check.violations());
        }
        return check;
    }

    private static void refuseFuture(ProcedureDetails details, Instant now) {
        if (details.performedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("performedAt", "cannot be in the future");
        }
    }

    private static ProcedureRef refOf(ProcedureRecord record) {
        return new ProcedureRef(record.id(), record.patientId(), record.details().performedAt());
    }

    /** Adverse events and the amendment reason are not part of the record's details. */
    private static ProcedureDetails withoutReports(ProcedureDetails d) {
        return new ProcedureDetails(d.patientId(), d.performedAt(), d.modality(), d.indication(), d.targets(),
                d.imagingGuidance(), d.device(), d.cryo(), d.rfa(), d.block(), d.localAnesthetic(), d.sedation(),
                d.painBefore(), d.painAfter(), d.notes(), List.of(), null, null, null);
    }

    private static List<Warning> concat(List<Warning> first, List<Warning> then) {
        return Stream.concat(first.stream(), then.stream()).toList();
    }
}
