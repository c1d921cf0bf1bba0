package org.clinictracker.web.chart;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.clinictracker.platform.security.ClinicAccessRules;
import org.clinictracker.web.layout.SignedInUser;

/**
 * What of a chart the signed-in user may see and do, read from the clinic's one role table (the one the API
 * enforces): a section whose call the API would refuse is neither shown nor called, so a front-desk user's chart
 * holds no clinical record and costs no refused call.
 */
public record ChartSections(boolean procedures, boolean followUps, boolean overrideScreening, boolean recordExport) {

    public static ChartSections of(SignedInUser user) {
        return new ChartSections(
                ClinicAccessRules.permits(GET, "/api/procedures", user.roles()),
                ClinicAccessRules.permits(GET, "/api/followups", user.roles()),
                ClinicAccessRules.permits(POST, "/api/patients/any/screenings/any/override", user.roles()),
                ClinicAccessRules.permits(GET, "/api/fhir/Patient/any/$everything", user.roles()));
    }
}
