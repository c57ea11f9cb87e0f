package fr.civmil.health.referral.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.referral.reference.Geography;

/**
 * The directory search: one indexed SQL query for the page of ids and the total (on the directory
 * entries of a département when one is given, else on the doctors), then the page's doctors with
 * their locations in one fetch. Answers are rendered once and kept by {@link DirectoryCache}.
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
    private final DoctorReader views;
    private final Geography geography;
    private final DirectoryCache cache;
    private final ObjectMapper json;

    public DoctorDirectory(EntityManager entityManager, DoctorReader views, Geography geography, DirectoryCache cache,
            ObjectMapper json) {
        this.entityManager = entityManager;
        this.views = views;
        this.geography = geography;
        this.cache = cache;
        this.json = json;
    }

    /** Everything that makes one answer of the search, for the cache. */
    private record Query(String departementCode, String communeCode, String epciSiren, String specialty, String accepting,
            String teleconsultation, String inPriorityZone, String charterStatus, String name, String rpps, int page, int size,
            String sort, LocalDate confirmedSince) {
    }

    /** The answer of this search as sent to clients, when nothing in its scope changed since it was stored. */
    public Optional<byte[]> storedJson(DoctorSearch p, PageRequest page) {
        return cache.stored(key(p, page), area(p));
    }

    /** Runs the search (blocking) and returns its answer as sent to clients, stored for the next time. */
    public byte[] searchJson(DoctorSearch p, PageRequest page) {
        return cache.compute(key(p, page), area(p), () -> {
            try {
                return json.writeValueAsBytes(search(p, page));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("search page not serializable", e);
            }
        });
    }

    private Query key(DoctorSearch p, PageRequest page) {
        return new Query(p.departementCode(), p.communeCode(), p.epciSiren(), p.specialty(), p.accepting(), p.teleconsultation(),
                p.inPriorityZone(), p.charterStatus() == null ? null : p.charterStatus().name(), p.name(), p.rpps(), page.page, page.size, page.sort, views.confirmedSince());
    }

    /**
     * The départements a search is confined to: its département, or those of its commune or EPCI in the
     * reference geography (none when that is unknown: nobody practises there); empty for the whole
     * directory.
     */
    private Optional<List<String>> area(DoctorSearch p) {
        if (p.departementCode() != null) {
            return Optional.of(List.of(p.departementCode()));
        }
        if (p.communeCode() != null) {
            return Optional.of(geography.commune(p.communeCode()).map(c -> List.of(c.departementCode())).orElse(List.of()));
        }
        if (p.epciSiren() != null) {
            return Optional.of(geography.epci(p.epciSiren()).map(ReferenceGeography.Epci::departementCodes).orElse(List.of()));
        }
        return Optional.empty();
    }

    private Page<DoctorView> search(DoctorSearch p, PageRequest page) {
        // With an area, the search reads the directory entries of its département (one index range);
        // otherwise the doctors themselves. Both carry the same filter and sort columns. An EPCI across
        // départements reads the entries of all of them.
        Optional<List<String>> area = area(p);
        if (area.isPresent() && area.get().isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        List<String> epciDepartements = area.filter(codes -> codes.size() > 1).orElse(List.of());
        String departement = area.filter(codes -> codes.size() == 1).map(codes -> codes.get(0)).orElse(null);
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
        if (p.specialty() != null) {
            Specialty specialty = Specialty.parse(p.specialty()).orElseThrow(() -> DomainException.invalidField("specialty", "field.unknown-specialty",
                    p.specialty()));
            where.append(" and d.specialty = :specialty");
            params.put("specialty", specialty.name());
        }
        if (p.accepting() != null) {
            // Accepting means able to take a household now: an active charter, open to new patients, a place left.
            where.append(Boolean.parseBoolean(p.accepting()) ? " and " : " and not ")
                    .append("(d.charter_status = 'ACTIVE' and d.accepting_new_patients and d.remaining_places > 0)");
        }
        if (p.teleconsultation() != null) {
            where.append(" and d.teleconsultation = :teleconsultation");
            params.put("teleconsultation", Boolean.valueOf(p.teleconsultation()));
        }
        // The directory shows signed charters; the back office asks for the other statuses by name.
        where.append(" and d.charter_status = :charterStatus");
        params.put("charterStatus", p.charterStatus() == null ? CharterStatus.ACTIVE.name() : p.charterStatus().name());
        if (p.rpps() != null) {
            where.append(" and d.rpps = :rpps");
            params.put("rpps", p.rpps());
        }
        if (p.name() != null) {
            String name = DoctorService.searchable(p.name());
            if (name.isEmpty()) {
                throw DomainException.invalidField("name", "field.search-name");
            }
            where.append(" and d.search_name like :name");
            params.put("name", "%" + name + "%");
        }
        StringBuilder location = new StringBuilder();
        if (p.communeCode() != null) {
            location.append(" and l.commune_code = :communeCode");
            params.put("communeCode", p.communeCode());
        }
        if (p.epciSiren() != null) {
            location.append(" and l.epci_siren = :epciSiren");
            params.put("epciSiren", p.epciSiren());
        }
        if (!location.isEmpty()) {
            if (byDepartement) {
                location.append(" and l.departement_code = :departementCode");
            }
            where.append(" and exists (select 1 from practice_location l where l.doctor_id = ").append(id).append(location).append(')');
        }
        if (p.inPriorityZone() != null) {
            where.append(Boolean.parseBoolean(p.inPriorityZone()) ? " and " : " and not ")
                    .append("exists (select 1 from practice_location pl where pl.doctor_id = ").append(id).append(" and ")
                    .append(AreaFlags.inPriorityZone("pl.commune_code")).append(')');
        }
        String from = byDepartement ? " from directory_entry d" : " from referenced_doctor d";
        String order = page.orders(SORTS, DEFAULT_SORT, id).stream()
                .map(o -> o.column() + (o.descending() ? " desc" : " asc"))
                .collect(Collectors.joining(", "));

        // The page and the total in one statement: the window count is taken before the limit.
        jakarta.persistence.Query ids = entityManager.createNativeQuery("select " + id + ", count(*) over ()" + from + where + " order by " + order
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
                jakarta.persistence.Query count = entityManager.createNativeQuery("select count(*)" + from + where);
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
