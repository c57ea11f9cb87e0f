package fr.civmil.health.zones.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a zone's lifecycle: who (token subject), when and why. */
@Entity
@Table(name = "zone_transition")
public class ZoneTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID zoneId;
    @Enumerated(EnumType.STRING)
    public ZoneStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public ZoneStatus toStatus;
    public String reason;
    public String actor;
    public Instant at;

    public static ZoneTransition of(UUID zoneId, ZoneStatus from, ZoneStatus to, String reason, String actor) {
        ZoneTransition transition = new ZoneTransition();
        transition.zoneId = zoneId;
        transition.fromStatus = from;
        transition.toStatus = to;
        transition.reason = reason;
        transition.actor = actor;
        transition.at = Instant.now();
        return transition;
    }
}
