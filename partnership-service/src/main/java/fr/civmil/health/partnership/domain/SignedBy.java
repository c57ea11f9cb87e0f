package fr.civmil.health.partnership.domain;

import java.time.Instant;

/** A party's signature: the contract's signatory who signed (when named), and the caller who recorded it. */
public record SignedBy(String signatory, String function, String actor, Instant at) {
}
