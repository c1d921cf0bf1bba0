package org.clinictracker.followups.relief;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the expected end of relief is estimated ({@code clinic.followups.relief}).
 *
 * @param minClinicSample how many of the clinic's treatments (same modality, common nerve, relief ended) it takes
 *                        before the clinic's own record is preferred to the published range
 */
@ConfigurationProperties("clinic.followups.relief")
public record ReliefProperties(@DefaultValue("10") int minClinicSample) {

    public ReliefProperties {
        if (minClinicSample < 1) {
            throw new IllegalArgumentException("clinic.followups.relief.min-clinic-sample must be at least 1");
        }
    }
}
