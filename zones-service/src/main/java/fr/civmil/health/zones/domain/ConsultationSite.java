package fr.civmil.health.zones.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Premises in a member commune of a zone's EPCI where volunteer doctors consult. */
@Entity
@Table(name = "consultation_site")
public class ConsultationSite extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID zoneId;
    public String communeCode;
    public String name;
    @Enumerated(EnumType.STRING)
    public SiteKind kind;
    public String addressLine;
    public String postalCode;
    /** Consulting rooms: how many doctors can consult at once. */
    public int rooms;
    public boolean stepFreeAccess;
    public String accessibilityNotes;
    public String contactName;
    public String contactPhone;
    public String contactEmail;
    @Enumerated(EnumType.STRING)
    public SiteStatus status;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public SiteStatus moveTo(SiteStatus target) {
        SiteStatus.LIFECYCLE.requireStep(status, target);
        SiteStatus from = status;
        status = target;
        updatedAt = Instant.now();
        return from;
    }
}
