package fr.civmil.health.zones.service;

import java.math.BigDecimal;
import java.time.LocalDate;

import fr.civmil.health.zones.domain.ZoneStatus;

/** What the ARS supplies to designate a zone; everything else comes from the reference geography. */
public record ZoneDesignation(String epciSiren, String campaign, ZoneStatus initialStatus, BigDecimal apl,
        BigDecimal vulnerabilityIndex, String vulnerabilitySource, LocalDate decisionDate, String decisionReference,
        BigDecimal targetDaysPerMonth, String notes) {
}
