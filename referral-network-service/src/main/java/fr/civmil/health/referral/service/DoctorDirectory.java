package fr.civmil.health.referral.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.referral.api.DoctorSearchParams;
import fr.civmil.health.referral.api.DoctorView;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.referral.reference.Geography;

/**
 * The directory search: one indexed SQL query for the page of ids and the total (on the directory
 * entries of a département when one is given, else on the doctors), then the page's doctors with
 * their locations in one fetch.
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
    private final Geography geography;

    public DoctorDirectory(EntityManager entityManager, DoctorViews views, Geography geography) {
        this.entityManager = entityManager;
        this.views = views;
        this.geography = geography;
    }

    public Page<DoctorView> search(DoctorSearchParams p, PageRequest page) {
        // With an area, the search reads the directory entries of its département (one index range);
        // otherwise the doctors themselves. Both carry the same filter and sort columns. A commune or
        // an EPCI gives its département(s) from the reference geography.
        String departement = p.departementCode;
        List<String> epciDepartements = List.of();
        if (departement == null && p.communeCode != null) {
            departement = geography.commune(p.communeCode).map(ReferenceGeography.Commune::departementCode).orElse(null);
            if (departement == null) { // not in the reference geography: nobody practises there
                return Page.of(List.of(), page, 0);
            }
        }
        if (departement == null && p.epciSiren != null) {
            epciDepartements = geography.epci(p.epciSiren).map(ReferenceGeography.Epci::departementCodes).orElse(List.of());
            if (epciDepartements.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
            if (epciDepartements.size() == 1) {
                departement = epciDepartements.get(0);
            }
        }
        boolean byDepartement = departement != null;
        String id = byDepartement ? "d.doctor_id" : "d.id";
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (byDepartement) {
            where.append(" and d.departement_code = :departementCode");
            params.put("departementCode", departement);
        } else if (!epciDepartements.isEmpty()) { // an EPCI across départements: entries may repeat a doctor
            where.append(" and d.id in (select e.doctor_id from directory_entry e where e.departement_code in (:epciDepartements))");
            params.put("epciDepartements", epciDepartements);
        }
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
        if (p.communeCode != null) {
            location.append(" and l.commune_code = :communeCode");
            params.put("communeCode", p.communeCode);
        }
        if (p.epciSiren != null) {
            location.append(" and l.epci_siren = :epciSiren");
            params.put("epciSiren", p.epciSiren);
        }
        if (!location.isEmpty()) {
            if (byDepartement) {
                location.append(" and l.departement_code = :departementCode");
            }
            where.append(" and exists (select 1 from practice_location l where l.doctor_id = ").append(id).append(location).append(')');
        }
        if (p.inPriorityZone != null) {
            where.append(Boolean.parseBoolean(p.inPriorityZone) ? " and " : " and not ")
                    .append("exists (select 1 from practice_location pl where pl.doctor_id = ").append(id).append(" and ")
                    .append(AreaFlags.inPriorityZone("pl.commune_code")).append(')');
        }
        String from = byDepartement ? " from directory_entry d" : " from referenced_doctor d";
        String order = page.orders(SORTS, DEFAULT_SORT, id).stream()
                .map(o -> o.column() + (o.descending() ? " desc" : " asc"))
                .collect(Collectors.joining(", "));

        // The page and the total in one statement: the window count is taken before the limit.
        Query ids = entityManager.createNativeQuery("select " + id + ", count(*) over ()" + from + where + " order by " + order
                + " limit :limit offset :offset");
        params.forEach(ids::setParameter);
        if (order.contains(":confirmedSince")) {
            ids.setParameter("confirmedSince", views.confirmedSince());
        }
        ids.setParameter("limit", page.size).setParameter("offset", page.offset());
        List<?> rows = ids.getResultList();
        if (rows.isEmpty()) {
            long total = 0;
            if (page.offset() > 0) { // past the last page: the total still tells the client where the end is
                Query count = entityManager.createNativeQuery("select count(*)" + from + where);
                params.forEach(count::setParameter);
                total = ((Number) count.getSingleResult()).longValue();
            }
            return Page.of(List.of(), page, total);
        }
        long total = ((Number) ((Object[]) rows.get(0))[1]).longValue();
        List<UUID> pageIds = rows.stream().map(r -> Rows.uuid(((Object[]) r)[0])).toList();
        return Page.of(views.views(pageIds), page, total);
    }
}
