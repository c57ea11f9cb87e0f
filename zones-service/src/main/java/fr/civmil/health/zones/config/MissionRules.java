package fr.civmil.health.zones.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the solidarity-mission measure. */
@ConfigMapping(prefix = "civmil.missions")
public interface MissionRules {

    /** Consultation days one doctor may give per calendar month, all zones together (a half-day counts 0.5). */
    @WithDefault("2")
    BigDecimal maxDaysPerDoctorPerMonth();

    /** How far ahead a mission may be booked, in days from today (Europe/Paris). */
    @WithDefault("365")
    int bookingHorizonDays();
}
