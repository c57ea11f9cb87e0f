package fr.civmil.health.partnership.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data: loaded by the local run, never in production unless asked for. */
@ConfigMapping(prefix = "civmil.demo-data")
public interface DemoDataConfig {

    @WithDefault("false")
    boolean enabled();
}
