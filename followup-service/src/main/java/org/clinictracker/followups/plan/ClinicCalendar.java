package org.clinictracker.followups.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clinic's calendar: visits are due on days, and a day is the clinic's, not UTC's (a visit due today must not
 * turn overdue at 7 pm in New York). Every "today" of this service comes from here, so tests move the clock.
 */
@Component
public class ClinicCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public ClinicCalendar(Clock clock, @Value("${clinic.followups.zone:UTC}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Instant now() {
        return clock.instant();
    }

    /** The first instant after the clinic day {@code day}: what "until the end of that day" means. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The clinic day an instant falls on. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
