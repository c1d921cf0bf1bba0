package org.clinictracker.patients.patient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.clinictracker.platform.outbox.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes every chart once more as {@code PatientUpdated}, at its current version, when a migration asks for it
 * (a pending row in {@code event_republish}): the way a field added to the event reaches the other services for the
 * charts registered before it existed. Issue 12 needs it for the first name and e-mail address, without which
 * followup-service could e-mail no link to a patient registered before the upgrade.
 * <p>
 * Once per request, however many instances start: the first takes the pending row's lock and marks it done in the
 * same transaction as the events it appends to the outbox; another waits for that lock and then finds it done.
 * Consumers apply an update of the version they already hold (same chart, more fields) and ignore older ones.
 */
@Component
class ChartRepublication implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChartRepublication.class);

    private final JdbcClient jdbc;
    private final PatientRepository patients;
    private final EventOutbox outbox;
    private final Clock clock;

    ChartRepublication(JdbcClient jdbc, PatientRepository patients, EventOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        List<String> pending = jdbc.sql("""
                UPDATE event_republish SET done_at = :now WHERE done_at IS NULL RETURNING name""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).query(String.class).list();
        if (pending.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Patient> charts = patients.findAll();
        charts.forEach(chart -> outbox.append(PatientEvents.updated(chart, now)));
        log.info("Published {} charts once more as PatientUpdated for {}", charts.size(), pending);
    }
}
