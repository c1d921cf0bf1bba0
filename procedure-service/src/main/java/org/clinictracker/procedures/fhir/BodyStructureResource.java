package org.clinictracker.procedures.fhir;

import java.util.UUID;

import org.clinictracker.procedures.procedure.TargetSite;
import org.clinictracker.vocabulary.Laterality;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * One treated nerve with its side, as R4 advises for a procedure's site that needs more than a code
 * (Procedure.bodySite's comment, extension procedure-targetBodyStructure). The side is the
 * {@code locationQualifier} from R4's bodystructure-relative-location value set (SNOMED CT).
 */
final class BodyStructureResource {

    private BodyStructureResource() {
    }

    /** The {@code index}-th target of the procedure: its id is stable as long as the target list is. */
    static BodyStructure of(UUID procedureId, int index, UUID patientId, TargetSite target) {
        BodyStructure structure = new BodyStructure();
        structure.setId(RecordIds.derived("body-structure", procedureId, index));
        structure.setActive(true);
        structure.setPatient(RecordIds.patient(patientId));
        structure.setLocation(ClinicalCodes.nerveSite(target));
        CodeableConcept side = side(target.laterality());
        if (side != null) {
            structure.addLocationQualifier(side);
        }
        structure.setDescription(ClinicalCodes.siteText(target));
        return structure;
    }

    /**
     * Left, right, bilateral as the value set has them. Midline has no entry there (the value set is about sides,
     * and a midline structure has none), so a midline target carries no qualifier: its text says "Midline".
     */
    private static CodeableConcept side(Laterality laterality) {
        return switch (laterality) {
            case LEFT -> new CodeableConcept(ClinicalCodes.snomed("419161000", "Unilateral left")).setText("Left");
            case RIGHT -> new CodeableConcept(ClinicalCodes.snomed("419465000", "Unilateral right")).setText("Right");
            case BILATERAL -> new CodeableConcept(ClinicalCodes.snomed("51440002", "Bilateral")).setText("Bilateral");
            case MIDLINE -> null;
        };
    }
}
