package org.clinictracker.platform.outbox;

import java.sql.Timestamp;

import org.clinictracker.events.ClinicEvent;
import org.clinictracker.events.EventEnvelope;
import org.clinictracker.platform.tracing.TraceParents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where services put the events their change caused. The row joins the caller's transaction, so an
 * event exists exactly when the change it describes committed; {@link OutboxRelay} takes it to Kafka.
 * The row keeps the trace the event was written in ({@link TraceParents}), so the consumers continue it.
 */
public class EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;
    private final TraceParents traceParents;

    public EventOutbox(JdbcClient jdbc, JsonMapper jsonMapper, TraceParents traceParents) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.traceParents = traceParents;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventEnvelope<? extends ClinicEvent> event) {
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at, trace_parent)
                VALUES (?, ?, ?, ?, CAST(? AS json), ?, ?)""")
                .param(event.id())
                .param(event.data().topic())
                .param(event.subject().toString())
                .param(event.type())
                .param(jsonMapper.writeValueAsString(event))
                .param(Timestamp.from(event.occurredAt()))
                .param(traceParents.current())
                .update();
        // ids and types only: the payload is a patient's data. The line carries the trace id (log pattern).
        log.info("Event {} ({}) for {} written to the outbox", event.id(), event.type(), event.data().topic());
    }
}
