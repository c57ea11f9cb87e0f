package fr.civmil.health.platform.outbox;

/**
 * An event a service publishes, as the record of its payload: {@link EventType} on the record names its CloudEvents
 * type and its aggregate, {@link #aggregateId()} the aggregate instance (the Kafka record key, so that one
 * aggregate's events stay in order). The record's components are the event's {@code data}, which its JSON Schema
 * in contracts/events describes.
 */
public interface OutboxEvent {

    String aggregateId();
}
