package fr.civmil.health.platform.tracing;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where spans go: nowhere but the logs' trace ids unless an OTLP collector is named. */
@ConfigMapping(prefix = "civmil.tracing")
public interface TracingConfig {

    /** OTLP over HTTP, e.g. {@code http://otel-collector:4318} (env CIVMIL_TRACING_OTLP_ENDPOINT); off when absent. */
    Optional<String> otlpEndpoint();

    /** How long finished spans wait to be sent in one batch. */
    @WithDefault("5s")
    Duration exportDelay();
}
