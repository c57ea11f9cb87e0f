package fr.civmil.health.zones.config;

import java.time.LocalDate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of intern placements (the "docteurs juniors" of general medicine). */
@ConfigMapping(prefix = "civmil.placements")
public interface PlacementRules {

    /** The first day of the docteurs juniors scheme: no placement starts before it. */
    @WithDefault("2026-11-01")
    LocalDate schemeStart();
}
