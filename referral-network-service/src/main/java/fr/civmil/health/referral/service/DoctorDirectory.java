package fr.civmil.health.referral.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.referral.api.DoctorSearchParams;
import fr.civmil.health.referral.api.DoctorView;
import fr.civmil.health.referral.domain.ReferencedDoctor;
import fr.civmil.health.referral.domain.Specialty;

/**
 * The directory search: one indexed SQL query for the page of ids (filters on the doctor row, one
 * EXISTS on its practice locations), then the page's doctors with their locations in one fetch.
 */
@ApplicationScoped
public class DoctorDirectory {

    public static final String DEFAULT_SORT = "-capacityConfirmed,name";
    public static final Map<String, String> SORTS = new LinkedHashMap<>();
    static {
        SORTS.put("capacityConfirmed", "(d.capacity_confirmed_on >= :confirmedSince)");
        SORTS.put("name", "d.search_name");
        SORTS.put("rpps", "d.rpps");
        SORTS.put("remainingPlaces", "d.remaining_places");
        SORTS.put("capacityConfirmedOn", "d.capacity_confirmed_on");
        SORTS.put("charterStatus", "d.charter_status");
        SORTS.put("createdAt", "d.created_at");
    }

    private final EntityManager entityManager;
    private final DoctorViews views;

    public DoctorDirectory(EntityManager entityManager, DoctorViews views) {
        this.entityManager = entityManager;
        this.views = views;
    }

    public Page<DoctorView> search(DoctorSearchParams p, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (p.specialty != null) {
            Specialty specialty = Specialty.parse(p.specialty).orElseThrow(() -> ApiProblem.invalidField("specialty",
                    "unknown specialty '" + p.specialty + "'; see the code list in the referral guide"));
            where.append(" and d.specialty = :specialty");
            params.put("specialty", specialty.name());
        }
        if (p.accepting != null) {
            where.append(" and d.accepting_new_patients = :accepting");
            params.put("accepting", Boolean.valueOf(p.accepting));
        }
        if (p.teleconsultation != null) {
            where.append(" and d.teleconsultation = :teleconsultation");
            params.put("teleconsultation", Boolean.valueOf(p.teleconsultation));
        }
        if (p.charterStatus != null) {
            where.append(" and d.charter_status = :charterStatus");
            params.put("charterStatus", p.charterStatus);
        }
        if (p.rpps != null) {
            where.append(" and d.rpps = :rpps");
            params.put("rpps", p.rpps);
        }
        if (p.name != null) {
            String name = DoctorService.searchable(p.name);
            if (name.isEmpty()) {
                throw ApiProblem.invalidField("name", "must contain letters or digits");
            }
            where.append(" and d.search_name like :name");
            params.put("name", "%" + name + "%");
        }
        StringBuilder location = new StringBuilder();
        if (p.departementCode != null) {
            location.append(" and l.departement_code = :departementCode");
            params.put("departementCode", p.departementCode);
        }
        if (p.communeCode != null) {
            location.append(" and l.commune_code = :communeCode");
            params.put("communeCode", p.communeCode);
        }
        if (p.epciSiren != null) {
            location.append(" and l.epci_siren = :epciSiren");
            params.put("epciSiren", p.epciSiren);
        }
        if (!location.isEmpty()) {
            where.append(" and exists (select 1 from practice_location l where l.doctor_id = d.id").append(location).append(')');
        }
        if (p.inPriorityZone != null) {
            where.append(Boolean.parseBoolean(p.inPriorityZone) ? " and " : " and not ")
                    .append("exists (select 1 from practice_location pl where pl.doctor_id = d.id and ")
                    .append(AreaFlags.inPriorityZone("pl.commune_code")).append(')');
        }
        String order = page.orders(SORTS, DEFAULT_SORT, "d.id").stream()
                .map(o -> o.column() + (o.descending() ? " desc" : " asc"))
                .collect(Collectors.joining(", "));

        Query count = entityManager.createNativeQuery("select count(*) from referenced_doctor d" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0 || page.offset() >= total) {
            return Page.of(List.of(), page, total);
        }
        Query ids = entityManager.createNativeQuery("select d.id from referenced_doctor d" + where + " order by " + order
                + " limit :limit offset :offset");
        params.forEach(ids::setParameter);
        if (order.contains(":confirmedSince")) {
            ids.setParameter("confirmedSince", views.confirmedSince());
        }
        ids.setParameter("limit", page.size).setParameter("offset", page.offset());
        List<UUID> pageIds = ((List<?>) ids.getResultList()).stream().map(Rows::uuid).toList();
        return Page.of(views.views(load(pageIds)), page, total);
    }

    /** The doctors with their locations, in the order of the ids. */
    public List<ReferencedDoctor> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ReferencedDoctor> byId = entityManager.createQuery(
                "select distinct d from ReferencedDoctor d left join fetch d.locations where d.id in :ids", ReferencedDoctor.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(d -> d.id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }
}
