package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A priority zone as announced by zones-service events; commitments and crises may only name these. */
@Entity
@Table(name = "known_zone")
public class KnownZone extends PanacheEntityBase {

    @Id
    public UUID zoneId;
    public String epciSiren;
    public String epciName;
    public String status;
    public String regionCode;
    public boolean retired;
    public Instant updatedAt;

    /** The ids among {@code ids} that no zones event ever announced. */
    public static List<UUID> unknown(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> known = KnownZone.<KnownZone>list("zoneId in ?1", ids).stream().map(z -> z.zoneId).toList();
        return ids.stream().filter(id -> !known.contains(id)).distinct().toList();
    }
}
