package fr.civmil.health.zones.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.Projection;

/** Keeps partnership-service's crisis activations, so a zone shows the crises active on it. */
@Singleton
public class CrisisProjection extends Projection {

    private static final String CRISIS = "fr.civmil.partnership.crisis.";

    /** What zones read of an activation. */
    record Activated(UUID activationId, String plan, @Nullable List<String> departementCodes, @Nullable List<UUID> zoneIds,
            @Nullable OffsetDateTime activatedAt) {
    }

    record StoodDown(UUID activationId, String plan, @Nullable List<String> departementCodes, @Nullable List<UUID> zoneIds,
            @Nullable OffsetDateTime stoodDownAt) {
    }

    private final EntityManager entityManager;

    public CrisisProjection(EntityManager entityManager) {
        super("crisis-activations", "partnership.events.v1");
        this.entityManager = entityManager;
        on(CRISIS + "activated.v1", Activated.class, (crisis, event) -> keep(crisis.activationId(), crisis.plan(),
                crisis.departementCodes(), crisis.zoneIds(), at(crisis.activatedAt(), event), null));
        on(CRISIS + "stood-down.v1", StoodDown.class, (crisis, event) -> keep(crisis.activationId(), crisis.plan(),
                crisis.departementCodes(), crisis.zoneIds(), null, at(crisis.stoodDownAt(), event)));
    }

    private void keep(UUID id, String plan, List<String> departements, List<UUID> zones, OffsetDateTime activatedAt,
            OffsetDateTime stoodDownAt) {
        entityManager.createNativeQuery("""
                insert into crisis_activation (activation_id, plan, departement_codes, zone_ids, activated_at, stood_down_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (activation_id) do update set plan = excluded.plan, departement_codes = excluded.departement_codes,
                    zone_ids = excluded.zone_ids, activated_at = coalesce(excluded.activated_at, crisis_activation.activated_at),
                    stood_down_at = excluded.stood_down_at""")
                .setParameter(1, id.toString()).setParameter(2, plan)
                .setParameter(3, join(departements)).setParameter(4, join(zones))
                .setParameter(5, activatedAt).setParameter(6, stoodDownAt)
                .executeUpdate();
    }

    /** When the event does not say, the time it was published (or received). */
    private static OffsetDateTime at(OffsetDateTime said, CloudEvent event) {
        if (said != null) {
            return said;
        }
        return event.time() != null ? event.time() : OffsetDateTime.now();
    }

    private static String join(List<?> values) {
        return values == null ? "" : String.join(",", values.stream().map(Object::toString).toList());
    }
}
