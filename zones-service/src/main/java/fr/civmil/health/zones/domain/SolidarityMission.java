package fr.civmil.health.zones.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.civmil.health.platform.domain.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A volunteer doctor's booking of a consultation site for a half-day or a day ("mission de solidarité territoriale"). */
@Entity
@Table(name = "solidarity_mission")
public class SolidarityMission extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID siteId;
    public UUID zoneId;
    public String doctorRpps;
    public String doctorName;
    @Column(name = "mission_date")
    public LocalDate date;
    @Enumerated(EnumType.STRING)
    public Slot slot;
    public BigDecimal days;
    /** Euros owed to the doctor once the mission is completed; null before. */
    @Column(name = "allowance_eur")
    public BigDecimal allowance;
    @Enumerated(EnumType.STRING)
    public MissionStatus status;
    public String reason;
    public String regionCode;
    public String departementCode;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public MissionStatus moveTo(MissionStatus target, String why) {
        MissionStatus.LIFECYCLE.requireStep(status, target);
        if (target == MissionStatus.CANCELLED && (why == null || why.isBlank())) {
            throw DomainException.invalidField("reason", "field.reason-to-cancel");
        }
        MissionStatus from = status;
        status = target;
        reason = why;
        updatedAt = Instant.now();
        return from;
    }
}
