package org.clinictracker.procedures.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.clinictracker.procedures.adverse.AdverseEvent;
import org.clinictracker.procedures.procedure.BlockParameters;
import org.clinictracker.procedures.procedure.ImagingGuidance;
import org.clinictracker.procedures.procedure.ProcedureDetails;
import org.clinictracker.procedures.procedure.ProcedureRecord;
import org.clinictracker.procedures.procedure.TargetSite;
import org.clinictracker.procedures.repeat.RepeatLinkage;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * A logged case as an R4 Procedure, in its current version ({@code meta.versionId} is the record's version: 0 as
 * logged, one more per amendment). Choices R4 leaves open, and why:
 * <ul>
 * <li>{@code performer.actor} is a logical reference (the proceduralist's username as identifier, and display), not a
 * Practitioner resource: this service knows the clinician by username only, and a Practitioner per part of the
 * record would appear once per service in the assembled bundle.</li>
 * <li>Each target nerve is a {@code bodySite} (nerve code, side and level in text) and a BodyStructure through the
 * standard extension procedure-targetBodyStructure, in the same order, which carries the side as a code.</li>
 * <li>{@code focalDevice} names the Device and leaves {@code action} out: its preferred value set is SNOMED CT
 * (implanted, removed, ...), none of whose codes says "used for the procedure", and a text alone adds nothing.</li>
 * <li>Imaging guidance is a {@code usedCode} (the ultrasound, fluoroscope or CT used); a landmark-guided case used no
 * imaging and says so in a note. The local anaesthetic, sedation and the block's agent are {@code usedCode} texts.</li>
 * <li>A repeat treatment names the earlier procedure of its series as a {@code reasonReference} (R4 allows a
 * Procedure there: the earlier treatment and its waning relief are why this one was done), and a note says which
 * treatment of the series it is. {@code partOf} would say it is a step of the earlier one, which it is not.</li>
 * <li>The proceduralist's notes are exported: the record goes to the treating physician, and they are clinical.</li>
 * </ul>
 */
final class ProcedureResource {

    /** Whom the clinic's usernames identify (Keycloak realm "clinic"). */
    static final String CLINICIAN = "https://clinic-tracker.org/fhir/NamingSystem/clinician";
    static final String TARGET_BODY_STRUCTURE = "http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure";

    private ProcedureResource() {
    }

    /** A complication of the procedure with the Condition it left. */
    record Complication(AdverseEvent event, Condition condition) {
    }

    static Procedure of(ProcedureRecord record, List<BodyStructure> targets, Optional<Device> device,
            List<Complication> complications) {
        ProcedureDetails details = record.details();
        Procedure procedure = new Procedure();
        procedure.setId(record.id().toString());
        procedure.getMeta().setVersionId(String.valueOf(record.version()))
                .setLastUpdated(Date.from(record.amendedAt() != null ? record.amendedAt() : record.recordedAt()));
        procedure.setStatus(ProcedureStatus.COMPLETED);
        procedure.setCode(ClinicalCodes.modality(details.modality(), detail(details)));
        procedure.setSubject(RecordIds.patient(record.patientId()));
        procedure.setPerformed(RecordIds.dateTime(details.performedAt()));
        procedure.addPerformer().setActor(clinician(record.performedBy()));
        if (details.indication() != null) {
            procedure.addReasonCode(ClinicalCodes.indication(details.indication()));
        }
        for (int i = 0; i < details.targets().size(); i++) {
            TargetSite target = details.targets().get(i);
            procedure.addBodySite(ClinicalCodes.nerveSite(target));
            procedure.addExtension(TARGET_BODY_STRUCTURE, RecordIds.to(targets.get(i)));
        }
        device.ifPresent(used -> procedure.addFocalDevice().setManipulated(RecordIds.to(used)));
        for (CodeableConcept used : usedCodes(details)) {
            procedure.addUsedCode(used);
        }
        for (Complication complication : complications) {
            procedure.addComplication(ClinicalCodes.adverseEventType(complication.event().type(),
                    complication.event().description()));
            procedure.addComplicationDetail(RecordIds.to(complication.condition()));
        }
        procedure.addFollowUp(new CodeableConcept().setText("Follow-up visits per the clinic's "
                + ClinicalCodes.modalityName(details.modality()).toLowerCase(Locale.ROOT) + " protocol"));
        repeatOf(record.link()).ifPresent(procedure::addReasonReference);
        for (String note : notes(record)) {
            procedure.addNote().setText(note);
        }
        return procedure;
    }

    /** The RFA's variant or the block's purpose, which the code's text carries. */
    private static String detail(ProcedureDetails details) {
        if (details.rfa() != null) {
            return details.rfa().variant().name().toLowerCase(Locale.ROOT);
        }
        if (details.block() != null) {
            return details.block().purpose().name().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static Reference clinician(String username) {
        return new Reference().setType("Practitioner")
                .setIdentifier(new Identifier().setSystem(CLINICIAN).setValue(username))
                .setDisplay(username);
    }

    private static List<CodeableConcept> usedCodes(ProcedureDetails details) {
        List<CodeableConcept> used = new ArrayList<>();
        String imaging = switch (details.imagingGuidance()) {
            case ULTRASOUND -> "Ultrasound guidance";
            case FLUOROSCOPY -> "Fluoroscopic guidance";
            case CT -> "CT guidance";
            case LANDMARK -> null;
        };
        if (imaging != null) {
            used.add(new CodeableConcept(new Coding(ClinicalCodes.IMAGING_GUIDANCE, details.imagingGuidance().name(),
                    imaging)).setText(imaging));
        }
        BlockParameters block = details.block();
        if (block != null) {
            used.add(new CodeableConcept().setText(blockAgent(block)));
        }
        if (present(details.localAnesthetic())) {
            used.add(new CodeableConcept().setText("Local anaesthetic: " + details.localAnesthetic()));
        }
        if (present(details.sedation())) {
            used.add(new CodeableConcept().setText("Sedation: " + details.sedation()));
        }
        return used;
    }

    /** "bupivacaine 0.25 %, 5 mL, with dexamethasone 4 mg" */
    private static String blockAgent(BlockParameters block) {
        StringBuilder agent = new StringBuilder(block.agent());
        if (block.concentrationPercent() != null) {
            agent.append(' ').append(block.concentrationPercent().stripTrailingZeros().toPlainString()).append(" %");
        }
        agent.append(", ").append(block.volumeMl().stripTrailingZeros().toPlainString()).append(" mL");
        if (present(block.adjuvant())) {
            agent.append(", with ").append(block.adjuvant());
        }
        return agent.toString();
    }

    private static Optional<Reference> repeatOf(RepeatLinkage.Link link) {
        if (link == null || link.previousProcedureId() == null) {
            return Optional.empty();
        }
        return Optional.of(RecordIds.procedure(link.previousProcedureId())
                .setDisplay("Treatment " + (link.treatmentNumber() - 1) + " of the same targets"));
    }

    private static List<String> notes(ProcedureRecord record) {
        List<String> notes = new ArrayList<>();
        RepeatLinkage.Link link = record.link();
        if (link != null && link.treatmentNumber() > 1) {
            notes.add("Repeat treatment " + link.treatmentNumber() + " of the same targets"
                    + (link.previousProcedureId() == null ? "" : ", after Procedure/" + link.previousProcedureId()
                            + (link.daysSincePrevious() == null ? "" : " (" + link.daysSincePrevious() + " days earlier)"))
                    + (link.earlyRepeat() ? "; early repeat (under " + RepeatLinkage.EARLY_REPEAT_DAYS + " days)" : ""));
        } else if (link != null && link.earlyRepeat()) {
            notes.add("Early repeat: a target was treated under " + RepeatLinkage.EARLY_REPEAT_DAYS + " days before");
        }
        if (record.details().imagingGuidance() == ImagingGuidance.LANDMARK) {
            notes.add("Landmark-guided: no imaging");
        }
        if (present(record.details().notes())) {
            notes.add(record.details().notes());
        }
        return notes;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
