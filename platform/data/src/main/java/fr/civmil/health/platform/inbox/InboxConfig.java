package fr.civmil.health.platform.inbox;

import java.time.Duration;

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

    /** Suffix of the dead-letter topic: {@code <topic><suffix>}. */
    @WithDefault(".dlt")
    String deadLetterSuffix();
}
