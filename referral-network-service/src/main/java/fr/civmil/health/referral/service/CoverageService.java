package fr.civmil.health.referral.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.referral.reference.Geography;

/** Figures of the network per département, computed by two set-based queries over the page's départements. */
@ApplicationScoped
public class CoverageService {

    private final EntityManager entityManager;
    private final Geography geography;
    private final AreaFlags areaFlags;

    public CoverageService(EntityManager entityManager, Geography geography, AreaFlags areaFlags) {
        this.entityManager = entityManager;
        this.geography = geography;
        this.areaFlags = areaFlags;
    }

    public Page<CoverageView> departements(String regionCode, String departementCode, PageRequest page) {
        boolean descending = page.orders(Map.of("departementCode", "code"), "departementCode", "code").get(0).descending();
        List<ReferenceGeography.Departement> all = geography.departements(regionCode).stream()
                .filter(d -> departementCode == null || d.code().equals(departementCode))
                .sorted(descending ? java.util.Comparator.comparing(ReferenceGeography.Departement::code).reversed()
                        : java.util.Comparator.comparing(ReferenceGeography.Departement::code))
                .toList();
        List<ReferenceGeography.Departement> slice = all.stream().skip(page.offset()).limit(page.size).toList();
        if (slice.isEmpty()) {
            return Page.of(List.of(), page, all.size());
        }
        List<String> codes = slice.stream().map(ReferenceGeography.Departement::code).toList();

        Map<String, Map<String, Long>> bySpecialty = new HashMap<>();
        Map<String, long[]> doctorFigures = new HashMap<>(); // active, places, in zone
        for (Object row : entityManager.createNativeQuery("""
                select x.departement_code, x.specialty, count(*),
                       coalesce(sum(case when x.accepting_new_patients then x.remaining_places else 0 end), 0),
                       count(*) filter (where x.in_zone)
                from (select e.departement_code, e.specialty, e.accepting_new_patients, e.remaining_places,
                             bool_or(""" + AreaFlags.inPriorityZone("l.commune_code") + """
                             ) as in_zone
                      from directory_entry e
                      join practice_location l on l.doctor_id = e.doctor_id and l.departement_code = e.departement_code
                      where e.charter_status = 'ACTIVE' and e.departement_code in (:codes)
                      group by e.departement_code, e.doctor_id, e.specialty, e.accepting_new_patients, e.remaining_places) x
                group by x.departement_code, x.specialty""").setParameter("codes", codes).getResultList()) {
            Object[] r = (Object[]) row;
            String dep = (String) r[0];
            bySpecialty.computeIfAbsent(dep, k -> new TreeMap<>()).put((String) r[1], Rows.number(r[2]));
            long[] figures = doctorFigures.computeIfAbsent(dep, k -> new long[3]);
            figures[0] += Rows.number(r[2]);
            figures[1] += Rows.number(r[3]);
            figures[2] += Rows.number(r[4]);
        }

        Map<String, Object[]> requests = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("""
                select destination_departement_code,
                       count(*) filter (where status in ('OPEN', 'PROPOSED', 'PARTIALLY_ASSIGNED')),
                       percentile_cont(0.5) within group (order by
                           case when assigned_at is not null then extract(epoch from assigned_at - created_at) / 86400.0 end)
                from referral_request where destination_departement_code in (:codes)
                group by destination_departement_code""").setParameter("codes", codes).getResultList()) {
            Object[] r = (Object[]) row;
            requests.put((String) r[0], r);
        }

        Map<String, List<String>> crises = areaFlags.crises(codes);
        List<CoverageView> items = slice.stream().map(d -> {
            long[] f = doctorFigures.getOrDefault(d.code(), new long[3]);
            Object[] r = requests.get(d.code());
            Double median = r == null || r[2] == null ? null : Math.round(((Number) r[2]).doubleValue() * 100) / 100.0;
            return new CoverageView(d.code(), d.name(), d.regionCode(), f[0], bySpecialty.getOrDefault(d.code(), Map.of()), f[1],
                    r == null ? 0 : Rows.number(r[1]), median, f[2], crises.getOrDefault(d.code(), List.of()));
        }).toList();
        return Page.of(items, page, all.size());
    }
}
