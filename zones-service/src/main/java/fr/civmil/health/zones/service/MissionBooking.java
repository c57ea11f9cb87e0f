package fr.civmil.health.zones.service;

import java.time.LocalDate;
import java.util.UUID;

import fr.civmil.health.zones.domain.Slot;

/** A volunteer doctor's request to consult at a site on a date. */
public record MissionBooking(UUID siteId, String doctorRpps, String doctorName, LocalDate date, Slot slot) {
}
