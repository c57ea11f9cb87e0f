package fr.civmil.health.zones.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.zones.domain.AnnouncedDesignations;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.ZoneStatus;

/**
 * The count and population of a région's zones, by département. One vintage throughout: the populations are those
 * of the zones' member communes in the reference geography (COG 2026, populations légales 2023), so the breakdown
 * adds up to the total; what the ARS announced is given beside, with its own figures and source.
 */
@ApplicationScoped
public class ZoneSummaries {

    /** The vintage every population of a summary comes from. */
    public static final String POPULATION_SOURCE = "Populations légales 2023 (INSEE) des communes membres, COG 2026 — "
            + ReferenceGeography.SOURCE;

    public record Summary(String regionCode, String regionName, String campaign, int zoneCount, long populationCovered,
            Long regionPopulation, BigDecimal shareOfRegionPopulation, List<DepartementShare> byDepartement,
            AnnouncedDesignations.Announcement announced, int announcedNotLoaded) {
    }

    public record DepartementShare(String code, String name, int zoneCount, long population) {
    }

    private final PriorityZoneService zones;
    private final ReferenceGeography geography;

    public ZoneSummaries(PriorityZoneService zones, ReferenceGeography geography) {
        this.zones = zones;
        this.geography = geography;
    }

    public Summary summarize(String region, String campaign, ZoneStatus status) {
        List<PriorityZone> counted = zones.all(new ZoneQuery(region, null, status, campaign)).stream()
                .filter(z -> status != null || z.status != ZoneStatus.RETIRED).toList();
        Map<String, long[]> byDepartement = new TreeMap<>();
        for (PriorityZone zone : counted) {
            Map<String, Long> perDepartement = new TreeMap<>();
            for (String insee : zones.epci(zone).communeCodes()) {
                geography.commune(insee).ifPresent(c -> perDepartement.merge(c.departementCode(),
                        c.population() == null ? 0 : c.population(), Long::sum));
            }
            perDepartement.forEach((code, population) -> {
                long[] figures = byDepartement.computeIfAbsent(code, k -> new long[2]);
                figures[0]++;
                figures[1] += population;
            });
        }
        long population = byDepartement.values().stream().mapToLong(figures -> figures[1]).sum();
        var regionRef = region == null ? null : geography.region(region).orElse(null);
        Long regionPopulation = regionRef == null ? null : regionRef.population();
        BigDecimal share = regionPopulation == null || regionPopulation == 0 ? null
                : BigDecimal.valueOf(population * 100).divide(BigDecimal.valueOf(regionPopulation), 2, RoundingMode.HALF_UP);
        AnnouncedDesignations.Announcement announced = region == null || campaign == null ? null
                : AnnouncedDesignations.of(region, campaign).orElse(null);
        return new Summary(region, regionRef == null ? null : regionRef.name(), campaign, counted.size(), population, regionPopulation,
                share, byDepartement.entrySet().stream().map(e -> new DepartementShare(e.getKey(),
                        geography.departement(e.getKey()).map(ReferenceGeography.Departement::name).orElse(null),
                        (int) e.getValue()[0], e.getValue()[1])).toList(),
                announced, announced == null ? 0 : Math.max(0, announced.zoneCount() - counted.size()));
    }
}
