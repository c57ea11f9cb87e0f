package fr.civmil.health.referral.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import fr.civmil.health.platform.identifiers.Identifiers;
import fr.civmil.health.platform.inbox.Projection;

/**
 * Keeps the ORSAN crisis activations of partnership-service that are in force, per département,
 * so directory results flag doctors practising in an affected département.
 */
@Singleton
public class CrisisProjection extends Projection {

    private static final String CRISIS = "fr.civmil.partnership.crisis.";

    /** What the directory reads of an activation. */
    record Activated(UUID activationId, String plan, @Nullable List<String> departementCodes, @Nullable OffsetDateTime activatedAt) {
    }

    record StoodDown(UUID activationId) {
    }

    private final EntityManager entityManager;

    public CrisisProjection(EntityManager entityManager) {
        super("crisis-activations", "partnership.events.v1");
        this.entityManager = entityManager;
        on(CRISIS + "activated.v1", Activated.class, (activation, event) -> activate(activation));
        on(CRISIS + "stood-down.v1", StoodDown.class, (activation, event) -> entityManager
                .createNativeQuery("delete from crisis_activation where activation_id = ?1")
                .setParameter(1, activation.activationId()).executeUpdate());
    }

    private void activate(Activated activation) {
        List<String> departements = activation.departementCodes() == null ? List.of() : activation.departementCodes();
        for (String code : departements) {
            if (!Identifiers.isDepartement(code)) {
                throw new IllegalArgumentException("departementCodes holds an invalid code: " + code);
            }
        }
        entityManager.createNativeQuery("""
                insert into crisis_activation (activation_id, plan, activated_at) values (?1, ?2, ?3)
                on conflict (activation_id) do update set plan = excluded.plan""")
                .setParameter(1, activation.activationId()).setParameter(2, activation.plan())
                .setParameter(3, activation.activatedAt()).executeUpdate();
        if (!departements.isEmpty()) {
            entityManager.createNativeQuery("""
                    insert into crisis_departement (activation_id, departement_code)
                    select ?1, c from unnest(cast(?2 as varchar[])) as c on conflict do nothing""")
                    .setParameter(1, activation.activationId()).setParameter(2, departements.toArray(String[]::new)).executeUpdate();
        }
    }
}
