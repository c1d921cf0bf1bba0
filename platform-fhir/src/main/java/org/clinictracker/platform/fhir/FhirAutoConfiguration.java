package org.clinictracker.platform.fhir;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/** The FHIR base address for every service that renders FHIR, and the R4 model loaded before the first request. */
@AutoConfiguration
@EnableConfigurationProperties(FhirRecordProperties.class)
public class FhirAutoConfiguration {

    /** The first use of each resource type builds HAPI's model of it (seconds): at start-up, not in a caller's timeout. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> fhirModelWarmUp() {
        return event -> ClinicFhir.warmUp();
    }
}
