package fr.civmil.health.platform.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.platform.persistence.TimeOrderedUuids;
import fr.civmil.health.platform.tracing.Tracing;

/**
 * Records a domain event in the caller's transaction: it is published if and only if the change
 * it announces commits, with the trace context of the work that recorded it. The relay is woken by a PostgreSQL
 * notification delivered at commit.
 */
@ApplicationScoped
public class Outbox {

    static final String CHANNEL = "civmil_outbox";

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public Outbox(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** Records an event: its type and aggregate from its {@link EventType}, its subject "aggregate id". */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(OutboxEvent event) {
        EventType type = event.getClass().getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " does not say its @EventType");
        }
        String subject = (type.subject().isEmpty() ? type.aggregate() : type.subject()) + " " + event.aggregateId();
        return record(type.aggregate(), event.aggregateId(), type.value(), subject, event);
    }

    /**
     * @param aggregateType e.g. {@code priority-zone}
     * @param aggregateId   the record key: one aggregate's events stay in order
     * @param type          CloudEvents type, e.g. {@code fr.civmil.zones.priority-zone.designated.v1}
     * @param subject       CloudEvents subject (a readable reference)
     * @param data          the event payload, serialised as JSON
     * @return the event id
     */
    private UUID record(String aggregateType, String aggregateId, String type, String subject, Object data) {
        UUID id = TimeOrderedUuids.next();
        String payload;
        try {
            payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable: " + type, e);
        }
        entityManager.createNativeQuery("""
                insert into outbox_event (id, aggregate_type, aggregate_id, type, subject, payload, traceparent)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as text))""")
                .setParameter(1, id)
                .setParameter(2, aggregateType)
                .setParameter(3, aggregateId)
                .setParameter(4, type)
                .setParameter(5, subject)
                .setParameter(6, payload)
                .setParameter(7, Tracing.currentTraceparent())
                .executeUpdate();
        // Delivered at commit only; several notifications in one transaction fold into one.
        entityManager.createNativeQuery("select pg_notify('" + CHANNEL + "', '')").getSingleResult();
        return id;
    }
}
