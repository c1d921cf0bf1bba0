package org.clinictracker.followups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of every followup-service test context: the system's until a test {@link #set}s a day, and again
 * after {@link #reset()} (call it in {@code @AfterEach}: the context, and so this clock, is shared).
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    /** Stops the clock at noon UTC of {@code day} (noon: the same day in every zone within ±12 h). */
    public void set(LocalDate day) {
        set(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    }

    public void set(Instant instant) {
        this.fixed = instant;
    }

    public void reset() {
        this.fixed = null;
    }

    @Override
    public Instant instant() {
        Instant instant = fixed;
        return instant != null ? instant : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
    }

    /** This clock seen from another zone; still follows {@link #set}. */
    private static final class Zoned extends Clock {

        private final TestClock clock;
        private final ZoneId zone;

        Zoned(TestClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}
