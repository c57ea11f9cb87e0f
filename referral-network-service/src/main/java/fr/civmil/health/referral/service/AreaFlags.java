package fr.civmil.health.referral.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads the projections kept from other services' events: communes inside a priority zone in force
 * (zones-service) and ORSAN crises in force per département (partnership-service).
 */
@ApplicationScoped
public class AreaFlags {

    /**
     * The SQL condition "commune code column belongs to a priority zone in force": designated, active or suspended
     * (a proposed zone is not decided yet, a retired one no longer is).
     */
    public static String inPriorityZone(String communeColumn) {
        return "exists (select 1 from priority_zone_commune pzc join priority_zone pz on pz.zone_id = pzc.zone_id"
                + " where pzc.commune_code = " + communeColumn + " and pz.status in ('DESIGNATED', 'ACTIVE', 'SUSPENDED'))";
    }

    /** The SQL expression "plans in force in the département of this column", comma-separated, or null. */
    public static String crisisPlans(String departementColumn) {
        return "(select string_agg(distinct ca.plan, ',' order by ca.plan) from crisis_departement cd"
                + " join crisis_activation ca on ca.activation_id = cd.activation_id where cd.departement_code = "
                + departementColumn + ")";
    }

    private final EntityManager entityManager;

    public AreaFlags(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Plans in force per département, for the départements given. */
    public Map<String, List<String>> crises(Collection<String> departementCodes) {
        if (departementCodes.isEmpty()) {
            return Map.of();
        }
        List<?> rows = entityManager.createNativeQuery("""
                select distinct cd.departement_code, ca.plan from crisis_departement cd
                join crisis_activation ca on ca.activation_id = cd.activation_id
                where cd.departement_code in (:codes) order by 1, 2""")
                .setParameter("codes", departementCodes).getResultList();
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            result.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return result;
    }
}
