package fr.civmil.health.referral.domain;

import jakarta.persistence.Embeddable;

/**
 * Where a referenced doctor practises; département, EPCI and région derive from the commune. Part of
 * its doctor (keyed by doctor and position), never shared nor addressed alone.
 */
@Embeddable
public class PracticeLocation {

    public String address;

    public String postalCode;

    public String communeCode;

    public String departementCode;

    public String epciSiren;

    public String regionCode;
}
