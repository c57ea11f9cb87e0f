package fr.civmil.health.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a referenced doctor practises; département, EPCI and région derive from the commune. Part of
 * its doctor (keyed by doctor and position), never shared nor addressed alone.
 */
@Embeddable
public class PracticeLocation {

    public String address;

    @Column(name = "postal_code")
    public String postalCode;

    @Column(name = "commune_code")
    public String communeCode;

    @Column(name = "departement_code")
    public String departementCode;

    @Column(name = "epci_siren")
    public String epciSiren;

    @Column(name = "region_code")
    public String regionCode;
}
