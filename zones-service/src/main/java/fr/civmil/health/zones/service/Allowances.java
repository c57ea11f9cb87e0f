package fr.civmil.health.zones.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fr.civmil.health.zones.domain.MissionStatus;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.Slot;
import fr.civmil.health.zones.domain.SolidarityMission;

/** The allowances of completed missions: totals for the ARS's follow-up, and the lines it pays. */
@ApplicationScoped
public class Allowances {

    public enum GroupBy {
        DOCTOR, ZONE, MONTH, CAMPAIGN
    }

    /** One group's total: its key (RPPS, zone id, month, campaign), a label for people, and the sums. */
    public record Total(String key, String label, long missions, BigDecimal days, BigDecimal amountEur) {
    }

    /** One completed mission to pay. */
    public record Payable(UUID missionId, UUID zoneId, String doctorRpps, String doctorName, LocalDate date, Slot slot, BigDecimal days,
            BigDecimal amountEur, String epciName, String campaign, String regionCode) {
    }

    public List<Total> totals(GroupBy by, String region, String campaign, YearMonth month) {
        Map<String, List<Payable>> groups = payable(region, campaign, month).stream()
                .collect(Collectors.groupingBy(line -> key(by, line), TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(group -> new Total(group.getKey(), label(by, group.getValue().get(0)), group.getValue().size(),
                group.getValue().stream().map(Payable::days).reduce(BigDecimal.ZERO, BigDecimal::add),
                group.getValue().stream().map(Payable::amountEur).reduce(BigDecimal.ZERO, BigDecimal::add))).toList();
    }

    private static String key(GroupBy by, Payable line) {
        return switch (by) {
            case DOCTOR -> line.doctorRpps();
            case ZONE -> line.zoneId().toString();
            case MONTH -> YearMonth.from(line.date()).toString();
            case CAMPAIGN -> line.campaign();
        };
    }

    private static String label(GroupBy by, Payable line) {
        return switch (by) {
            case DOCTOR -> line.doctorName();
            case ZONE -> line.epciName() + " (" + line.campaign() + ")";
            case MONTH, CAMPAIGN -> key(by, line);
        };
    }

    /** The completed missions of a month (or all), by date, with their allowance. */
    public List<Payable> payable(String region, String campaign, YearMonth month) {
        StringBuilder where = new StringBuilder("status = :completed");
        Map<String, Object> params = new HashMap<>();
        params.put("completed", MissionStatus.COMPLETED);
        if (region != null) {
            where.append(" and regionCode = :region");
            params.put("region", region);
        }
        if (month != null) {
            where.append(" and date between :first and :last");
            params.put("first", month.atDay(1));
            params.put("last", month.atEndOfMonth());
        }
        List<SolidarityMission> missions = SolidarityMission.list(where + " order by date, doctorRpps, id", params);
        if (missions.isEmpty()) {
            return List.of();
        }
        Map<UUID, PriorityZone> zones = new HashMap<>();
        PriorityZone.<PriorityZone>list("id in ?1", missions.stream().map(m -> m.zoneId).distinct().toList())
                .forEach(z -> zones.put(z.id, z));
        Function<SolidarityMission, PriorityZone> zoneOf = m -> zones.get(m.zoneId);
        return missions.stream()
                .filter(m -> campaign == null || campaign.equals(zoneOf.apply(m).campaign))
                .map(m -> new Payable(m.id, m.zoneId, m.doctorRpps, m.doctorName, m.date, m.slot, m.days, m.allowance, zoneOf.apply(m).epciName,
                        zoneOf.apply(m).campaign, m.regionCode))
                .toList();
    }
}
