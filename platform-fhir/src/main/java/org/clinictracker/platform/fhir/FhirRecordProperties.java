package org.clinictracker.platform.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code clinic.fhir.base-url}: the address the clinic's FHIR resources are known by, through the gateway. Every
 * service names its resources under it ({@code <base>/Procedure/<id>}), so the parts of one record refer to one
 * another and the assembled bundle's {@code fullUrl}s are absolute, as a searchset needs.
 */
@ConfigurationProperties("clinic.fhir")
public record FhirRecordProperties(String baseUrl) {

    public FhirRecordProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080/api/fhir" : baseUrl.replaceAll("/+$", "");
    }
}
