package fr.civmil.health.contracts.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fast half of a consumer's contract tests (no Quarkus, no broker): the producers' published
 * schemas still guarantee every field the consumer's handlers read. A consumer's test subclasses
 * it with its declarations.
 */
public abstract class ConsumedFieldsContract {

    /** What each of the service's inbox handlers reads: the one place it is declared. */
    protected abstract List<ConsumedFields> consumed();

    @Test
    void theProducersSchemasGuaranteeWhatTheHandlersRead() {
        List<String> problems = consumed().stream().flatMap(c -> c.unguaranteed().stream()).toList();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
