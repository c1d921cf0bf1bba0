package org.clinictracker.platform.fhir;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * The one FHIR R4 context of a service (building one scans the whole model, seconds; it is thread-safe and meant
 * to be shared) and its JSON. HAPI's parser writes the JSON, never Spring's Jackson: HAPI objects are not beans.
 */
public final class ClinicFhir {

    private static final FhirContext R4 = FhirContext.forR4Cached();

    private ClinicFhir() {
    }

    public static FhirContext context() {
        return R4;
    }

    /** A new parser each time: parsers are cheap and not thread-safe. */
    public static IParser jsonParser() {
        return R4.newJsonParser();
    }

    public static String toJson(IBaseResource resource) {
        return jsonParser().encodeResourceToString(resource);
    }

    public static Bundle bundleFromJson(String json) {
        return jsonParser().parseResource(Bundle.class, json);
    }

    /** The resource types a patient's record is made of, across the services. */
    static final List<String> RECORD_RESOURCE_TYPES = List.of("Bundle", "Patient", "Condition", "BodyStructure",
            "Observation", "Consent", "Procedure", "Device", "AdverseEvent", "Appointment", "ServiceRequest",
            "CarePlan", "Practitioner", "OperationOutcome");

    /**
     * Builds HAPI's model of every resource type in a record now. HAPI scans each type on its first use, which
     * takes a while on a small machine: done at start-up, it is not paid inside the record assembler's timeout.
     */
    public static void warmUp() {
        IParser parser = jsonParser();
        for (String type : RECORD_RESOURCE_TYPES) {
            IBaseResource empty = R4.getResourceDefinition(type).newInstance();
            parser.parseResource(parser.encodeResourceToString(empty));
        }
    }
}
