package org.clinictracker.platform.fhir;

import org.springframework.http.MediaType;

/** FHIR's own JSON media type (https://hl7.org/fhir/R4/http.html#mime-type). */
public final class FhirMediaTypes {

    public static final String FHIR_JSON_VALUE = "application/fhir+json";
    public static final MediaType FHIR_JSON = MediaType.parseMediaType(FHIR_JSON_VALUE);

    private FhirMediaTypes() {
    }
}
