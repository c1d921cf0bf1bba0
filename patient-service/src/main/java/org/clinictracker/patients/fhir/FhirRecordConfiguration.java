package org.clinictracker.patients.fhir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Where the record's other parts come from ({@code clinic.record}, see {@link RecordSources}). */
@Configuration
@EnableConfigurationProperties(RecordSources.class)
class FhirRecordConfiguration {
}
