package fr.civmil.health.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox of a service: where its events go and how the relay runs. */
@ConfigMapping(prefix = "civmil.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay (every replica may). */
    @WithDefault("true")
    boolean enabled();

    /** The service's topic, e.g. {@code zones.events.v1}. */
    String topic();

    /** CloudEvents {@code source}, e.g. {@code /civmil/zones-service}. */
    String source();

    /** Rows claimed per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** Concurrent relay workers in this instance (each claims its own rows). */
    @WithDefault("1")
    int workers();

    /** Safety poll when no notification arrives (notifications wake the relay at once). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Longest wait between attempts while the broker is unreachable (bounds the catch-up delay once it is back). */
    @WithDefault("2s")
    Duration maxBackoff();

    /** How long published rows are kept before clean-up. */
    @WithDefault("P7D")
    Duration retention();
}
