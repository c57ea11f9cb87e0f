package fr.civmil.health.zones.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code civmil.demo-data.enabled}: load the Occitanie 2025 seed at startup (the local run sets it). */
@ConfigMapping(prefix = "civmil.demo-data")
public interface DemoData {

    @WithDefault("false")
    boolean enabled();
}
