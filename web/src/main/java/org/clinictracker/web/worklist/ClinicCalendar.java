package org.clinictracker.web.worklist;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.web.calendar.zone}: the clinic's time zone (the same {@code CLINIC_TIME_ZONE} followup-service counts
 * its days in), so "e-mailed 3 Dec" is the clinic's 3 December, not UTC's.
 */
@ConfigurationProperties("clinic.web.calendar")
public record ClinicCalendar(@DefaultValue("UTC") ZoneId zone) {
}
