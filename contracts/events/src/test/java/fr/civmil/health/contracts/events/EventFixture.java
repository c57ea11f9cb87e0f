package fr.civmil.health.contracts.events;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.civmil.health.devstack.testing.TopicProbe;

/**
 * A consumer test's event, made from the producer's published example and varied field by field,
 * then checked against the producer's schema before it is published to the producer's topic. So a
 * consumer test follows the producer's contract, and fails when its variations leave it.
 */
public final class EventFixture {

    /** The relay's outbox order: each event made here is newer than the ones made before it. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    private final ObjectNode event;

    private EventFixture(ObjectNode event) {
        this.event = event;
    }

    /** The producer's first example of this type. */
    public static EventFixture of(String type) {
        return of(type, 0);
    }

    public static EventFixture of(String type, int example) {
        return new EventFixture(EventContracts.example(type, example));
    }

    /** Sets a field of {@code data} (any value Jackson can write: strings, numbers, lists, maps). */
    public EventFixture with(String field, Object value) {
        ((ObjectNode) event.get("data")).set(field, EventContracts.JSON.valueToTree(value));
        return this;
    }

    /** Removes an optional field of {@code data}. */
    public EventFixture without(String field) {
        ((ObjectNode) event.get("data")).remove(field);
        return this;
    }

    /** The event as the producer's relay would write it, with a fresh id and the next sequence; it must conform to the schema. */
    public String json() {
        ObjectNode copy = event.deepCopy().put("id", UUID.randomUUID().toString()).put("sequence", String.valueOf(SEQUENCE.incrementAndGet()));
        EventContracts.assertConforms(copy);
        return copy.toString();
    }

    /** Publishes it to the producer's topic with this record key. */
    public void send(String key) {
        TopicProbe.send(EventContracts.topic(event.get("type").asText()), key, json());
    }
}
