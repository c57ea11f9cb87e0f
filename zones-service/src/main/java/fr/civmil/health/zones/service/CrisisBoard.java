package fr.civmil.health.zones.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The crises active now (from partnership-service's events), and which zones they touch. */
@ApplicationScoped
public class CrisisBoard {

    /** An active crisis; it touches a zone named in it or sharing one of its départements. */
    public record ActiveCrisis(String activationId, String plan, Set<String> departementCodes, Set<String> zoneIds, Instant activatedAt) {

        public boolean touches(UUID zoneId, Collection<String> zoneDepartements) {
            return zoneIds.contains(zoneId.toString()) || zoneDepartements.stream().anyMatch(departementCodes::contains);
        }
    }

    private final EntityManager entityManager;

    public CrisisBoard(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<ActiveCrisis> active() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select activation_id, plan, departement_codes, zone_ids, activated_at from crisis_activation
                where stood_down_at is null order by activated_at, activation_id""").getResultList();
        return rows.stream().map(r -> new ActiveCrisis((String) r[0], (String) r[1], split((String) r[2]), split((String) r[3]),
                instant(r[4]))).toList();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return (Instant) value;
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : Set.of(joined.split(","));
    }
}
