package org.clinictracker.platform.outbox;

import java.sql.Timestamp;

import org.clinictracker.events.ClinicEvent;
import org.clinictracker.events.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where services put the events their change caused. The row joins the caller's transaction, so an
 * event exists exactly when the change it describes committed; {@link OutboxRelay} takes it to Kafka.
 */
public class EventOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    public EventOutbox(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventEnvelope<? extends ClinicEvent> event) {
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at)
                VALUES (?, ?, ?, ?, CAST(? AS json), ?)""")
                .param(event.id())
                .param(event.data().topic())
                .param(event.subject().toString())
                .param(event.type())
                .param(jsonMapper.writeValueAsString(event))
                .param(Timestamp.from(event.occurredAt()))
                .update();
    }
}
