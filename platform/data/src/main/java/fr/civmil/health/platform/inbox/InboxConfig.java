package fr.civmil.health.platform.inbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers retry and where they give up. */
@ConfigMapping(prefix = "civmil.inbox")
public interface InboxConfig {

    @WithDefault("true")
    boolean enabled();

    /** Attempts per record before it goes to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the second attempt; doubles each time. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /**
     * This instance's stable name in its consumer groups (Kafka static membership): a restarted
     * instance takes its partitions back at once instead of waiting for its former self's session
     * to expire. Unique per running instance; by default the host name and HTTP port.
     */
    Optional<String> instanceId();

    /** How long the broker waits for a silent (crashed) instance before giving its partitions to another. */
    @WithDefault("6s")
    Duration sessionTimeout();

    /** Suffix of the dead-letter topic: {@code <topic><suffix>}. */
    @WithDefault(".dlt")
    String deadLetterSuffix();
}
