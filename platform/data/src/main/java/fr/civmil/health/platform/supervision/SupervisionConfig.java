package fr.civmil.health.platform.supervision;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How background workers (inbox consumers, outbox relays) are restarted and when they count as down. */
@ConfigMapping(prefix = "civmil.supervision")
public interface SupervisionConfig {

    /** Wait before the first restart of a failed worker; doubles with each failure in a row. */
    @WithDefault("200ms")
    Duration restartBackoff();

    /** Longest wait between two restarts. */
    @WithDefault("10s")
    Duration maxRestartBackoff();

    /** A worker failing without a single good cycle for this long makes the service not ready. */
    @WithDefault("30s")
    Duration unhealthyAfter();
}
