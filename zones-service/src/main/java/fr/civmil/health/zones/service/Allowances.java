package fr.civmil.health.zones.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

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
        Map<String, Object[]> groups = new TreeMap<>();
        for (Payable line : payable(region, campaign, month)) {
            String[] key = switch (by) {
                case DOCTOR -> new String[] { line.doctorRpps(), line.doctorName() };
                case ZONE -> new String[] { line.zoneId().toString(), line.epciName() + " (" + line.campaign() + ")" };
                case MONTH -> new String[] { YearMonth.from(line.date()).toString(), YearMonth.from(line.date()).toString() };
                case CAMPAIGN -> new String[] { line.campaign(), line.campaign() };
            };
            Object[] sums = groups.computeIfAbsent(key[0], k -> new Object[] { key[1], 0L, BigDecimal.ZERO, BigDecimal.ZERO });
            sums[1] = (long) sums[1] + 1;
            sums[2] = ((BigDecimal) sums[2]).add(line.days());
            sums[3] = ((BigDecimal) sums[3]).add(line.amountEur());
        }
        List<Total> totals = new ArrayList<>();
        groups.forEach((key, sums) -> totals.add(new Total(key, (String) sums[0], (long) sums[1], (BigDecimal) sums[2], (BigDecimal) sums[3])));
        return totals;
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
