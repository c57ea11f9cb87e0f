package fr.civmil.health.referral.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;


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

    public String caseReference;

    public String destinationCommuneCode;

    public String destinationDepartementCode;

    public String destinationEpciSiren;

    public String destinationRegionCode;

    public LocalDate relocationDate;

    public LocalDate expectedArrivalDate;

    public int householdSize;

    /** A page of requests reads its needs in one statement (ReferralService.list fetches them together). */
    @ElementCollection
    @CollectionTable(name = "referral_need", joinColumns = @JoinColumn(name = "request_id"))
    @OrderBy("specialty")
    public List<Need> needs = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    public String statusReason;

    public OffsetDateTime createdAt;

    public OffsetDateTime expiresAt;

    /** When the last need was assigned. */
    public OffsetDateTime assignedAt;

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
