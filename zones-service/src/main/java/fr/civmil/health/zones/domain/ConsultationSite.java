package fr.civmil.health.zones.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "zone_id")
    public UUID zoneId;
    @Column(name = "commune_code")
    public String communeCode;
    public String name;
    @Enumerated(EnumType.STRING)
    public SiteKind kind;
    @Column(name = "address_line")
    public String addressLine;
    @Column(name = "postal_code")
    public String postalCode;
    /** Consulting rooms: how many doctors can consult at once. */
    public int rooms;
    @Column(name = "step_free_access")
    public boolean stepFreeAccess;
    @Column(name = "accessibility_notes")
    public String accessibilityNotes;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "contact_email")
    public String contactEmail;
    @Enumerated(EnumType.STRING)
    public SiteStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
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
