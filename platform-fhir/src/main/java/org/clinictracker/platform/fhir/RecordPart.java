package org.clinictracker.platform.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The part of a patient's record one service holds, as it answers it to the record's assembler: a
 * {@code collection} Bundle of its own resources, each with its id and its absolute {@code fullUrl} under the
 * clinic's FHIR base. References between resources are relative ({@code Patient/<id>}, {@code Procedure/<id>}).
 */
public final class RecordPart {

    private RecordPart() {
    }

    public static Bundle of(FhirRecordProperties fhir, List<? extends Resource> resources) {
        Bundle part = new Bundle().setType(BundleType.COLLECTION);
        for (Resource resource : resources) {
            part.addEntry().setFullUrl(fullUrl(fhir, resource)).setResource(resource);
        }
        return part;
    }

    public static String fullUrl(FhirRecordProperties fhir, Resource resource) {
        return fhir.baseUrl() + "/" + resource.fhirType() + "/" + resource.getIdPart();
    }
}
