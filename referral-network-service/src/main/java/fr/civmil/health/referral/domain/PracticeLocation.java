package fr.civmil.health.referral.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Where a referenced doctor practises; département, EPCI and région derive from the commune. */
@Entity
@Table(name = "practice_location")
public class PracticeLocation {

    @Id
    public UUID id = UUID.randomUUID();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "doctor_id")
    public ReferencedDoctor doctor;

    public int position;

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
