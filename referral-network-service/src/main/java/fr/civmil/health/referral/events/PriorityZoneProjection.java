package fr.civmil.health.referral.events;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import fr.civmil.health.platform.identifiers.Identifiers;
import fr.civmil.health.platform.inbox.Projection;

/**
 * Keeps the priority zones of zones-service and their member communes, so the directory can tell
 * which doctors practise inside a zone ({@code inPriorityZone}). A retired zone no longer counts.
 */
@Singleton
public class PriorityZoneProjection extends Projection {

    private static final String ZONE = "fr.civmil.zones.priority-zone.";

    /** What the directory reads of a designation. */
    record Designated(UUID zoneId, @Nullable String epciSiren, String status, List<String> communeCodes) {
    }

    record StatusChanged(UUID zoneId, @Nullable String epciSiren, String to, List<String> communeCodes) {
    }

    record Retired(UUID zoneId) {
    }

    private final EntityManager entityManager;

    public PriorityZoneProjection(EntityManager entityManager) {
        super("priority-zones", "zones.events.v1");
        this.entityManager = entityManager;
        on(ZONE + "designated.v1", Designated.class, (zone, event) -> upsert(zone.zoneId(), zone.epciSiren(), zone.status(),
                zone.communeCodes()));
        on(ZONE + "status-changed.v1", StatusChanged.class, (zone, event) -> upsert(zone.zoneId(), zone.epciSiren(), zone.to(),
                zone.communeCodes()));
        on(ZONE + "retired.v1", Retired.class, (zone, event) -> entityManager
                .createNativeQuery("delete from priority_zone where zone_id = ?1").setParameter(1, zone.zoneId()).executeUpdate());
    }

    private void upsert(UUID zoneId, String epciSiren, String status, List<String> communes) {
        for (String code : communes) {
            if (!Identifiers.isInseeCommune(code)) {
                throw new IllegalArgumentException("communeCodes holds an invalid INSEE code: " + code);
            }
        }
        entityManager.createNativeQuery("""
                insert into priority_zone (zone_id, epci_siren, status) values (?1, ?2, ?3)
                on conflict (zone_id) do update set epci_siren = excluded.epci_siren, status = excluded.status, updated_at = now()""")
                .setParameter(1, zoneId).setParameter(2, epciSiren).setParameter(3, status.toUpperCase()).executeUpdate();
        entityManager.createNativeQuery("delete from priority_zone_commune where zone_id = ?1").setParameter(1, zoneId).executeUpdate();
        if (!communes.isEmpty()) {
            entityManager.createNativeQuery("""
                    insert into priority_zone_commune (zone_id, commune_code)
                    select ?1, c from unnest(cast(?2 as varchar[])) as c on conflict do nothing""")
                    .setParameter(1, zoneId).setParameter(2, communes.toArray(String[]::new)).executeUpdate();
        }
    }
}
