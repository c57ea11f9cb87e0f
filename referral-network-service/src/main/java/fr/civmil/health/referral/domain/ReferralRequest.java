package fr.civmil.health.referral.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A relocated military household waiting for a regular doctor. The household is known only by the
 * CNMSS's opaque case reference; nothing else about it is stored or published.
 */
@Entity
@Table(name = "referral_request")
public class ReferralRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_reference")
    public String caseReference;

    @Column(name = "destination_commune_code")
    public String destinationCommuneCode;

    @Column(name = "destination_departement_code")
    public String destinationDepartementCode;

    @Column(name = "destination_epci_siren")
    public String destinationEpciSiren;

    @Column(name = "destination_region_code")
    public String destinationRegionCode;

    @Column(name = "relocation_date")
    public LocalDate relocationDate;

    @Column(name = "expected_arrival_date")
    public LocalDate expectedArrivalDate;

    @Column(name = "household_size")
    public int householdSize;

    /** Loaded in batches: a page of requests reads its needs in one statement. */
    @ElementCollection
    @CollectionTable(name = "referral_need", joinColumns = @JoinColumn(name = "request_id"))
    @OrderBy("specialty")
    @BatchSize(size = 200)
    public List<Need> needs = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** When the last need was assigned. */
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Version
    public long version;

    public Optional<Need> need(Specialty specialty) {
        return needs.stream().filter(n -> n.specialty == specialty).findFirst();
    }

    public boolean fullyAssigned() {
        return needs.stream().allMatch(Need::assigned);
    }
}
