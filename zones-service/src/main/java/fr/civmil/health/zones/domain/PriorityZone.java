package fr.civmil.health.zones.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A priority zone for access to care: one EPCI designated by the ARS for a campaign. The EPCI's
 * name, type, région and population are copied from the reference geography at designation.
 */
@Entity
@Table(name = "priority_zone")
public class PriorityZone extends PanacheEntityBase {

    @Id
    public UUID id;
    public String epciSiren;
    public String epciName;
    public String epciType;
    public String regionCode;
    public Long population;
    public String campaign;
    @Enumerated(EnumType.STRING)
    public ZoneStatus status;
    /** Accessibilité potentielle localisée: GP consultations per year and inhabitant. */
    public BigDecimal apl;
    public BigDecimal vulnerabilityIndex;
    public String vulnerabilitySource;
    public LocalDate decisionDate;
    public String decisionReference;
    public BigDecimal targetDaysPerMonth;
    public String notes;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** Moves the zone along its lifecycle; an illegal step is refused (a conflict). */
    public ZoneStatus moveTo(ZoneStatus target) {
        ZoneStatus.LIFECYCLE.requireStep(status, target);
        ZoneStatus from = status;
        status = target;
        updatedAt = Instant.now();
        return from;
    }
}
