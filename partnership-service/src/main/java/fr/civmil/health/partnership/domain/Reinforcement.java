package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A request for reinforcements (reserves, hospital support, evacuation) inside a crisis activation. */
@Entity
public class Reinforcement extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID activationId;
    @Enumerated(EnumType.STRING)
    public ReinforcementType type;
    public int quantity;
    public String place;
    @Enumerated(EnumType.STRING)
    public ReinforcementStatus status;
    /** Released or cancelled by the activation's stand-down rather than by a user's step. */
    public boolean endedByStandDown;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** The reinforcements of each activation, oldest first, in one query for a whole page of activations. */
    public static Map<UUID, List<Reinforcement>> ofActivations(Collection<UUID> activationIds) {
        if (activationIds.isEmpty()) {
            return Map.of();
        }
        return Reinforcement.<Reinforcement>list("activationId in ?1 order by createdAt, id", activationIds).stream()
                .collect(Collectors.groupingBy(reinforcement -> reinforcement.activationId));
    }
}
