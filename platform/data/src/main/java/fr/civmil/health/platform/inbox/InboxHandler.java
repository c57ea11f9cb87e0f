package fr.civmil.health.platform.inbox;

import java.util.Set;

/**
 * A consumer of other services' events. {@link #handle} runs inside the transaction that also
 * records the event id, so a redelivered event changes nothing. Throwing rolls both back; after
 * the configured attempts the record goes to the dead-letter topic with the reason.
 */
public interface InboxHandler {

    /** Stable name: the inbox key and the suffix of the Kafka consumer group. */
    String name();

    Set<String> topics();

    void handle(CloudEvent event) throws Exception;
}
