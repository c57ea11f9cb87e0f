package fr.civmil.health.referral.service;

import fr.civmil.health.referral.domain.CharterStatus;

/**
 * Filters of the directory search, every one optional (null); they combine with AND. The booleans stay as their
 * checked spelling ("true"/"false"): they are part of the cache key as the client sent them.
 */
public record DoctorSearch(String departementCode, String communeCode, String epciSiren, String specialty, String accepting,
        String teleconsultation, String inPriorityZone, CharterStatus charterStatus, String name, String rpps) {
}
