package fr.civmil.health.zones.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.reference.ReferenceGeography.Epci;
import fr.civmil.health.zones.config.ReferralRules;
import fr.civmil.health.zones.domain.PriorityZone;

/** Coverage of zones by solidarity missions and interns, and the regional ranking. */
@ApplicationScoped
public class CoverageService {

    /** A year of months at most, plus slack: the question is "how did the last campaign year go". */
    public static final int MAX_MONTHS = 24;

    private final EntityManager entityManager;
    private final PriorityZoneService zones;
    private final ReferenceGeography geography;
    private final ReferralRules referral;

    public CoverageService(EntityManager entityManager, PriorityZoneService zones, ReferenceGeography geography, ReferralRules referral) {
        this.entityManager = entityManager;
        this.zones = zones;
        this.geography = geography;
        this.referral = referral;
    }

    private record MissionRow(LocalDate date, String status, BigDecimal days, String rpps) {
    }

    private record Placement(LocalDate start, LocalDate end) {
    }

    public Coverage.ZoneCoverage zone(UUID zoneId, YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw DomainException.invalidField("to", "field.not-before-from", from);
        }
        if (from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
            throw DomainException.invalidField("to", "field.months-from-from", MAX_MONTHS);
        }
        PriorityZone zone = zones.find(zoneId);
        LocalDate start = Coverage.monday(from.atDay(1));
        LocalDate end = to.atEndOfMonth().plusDays(6);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select mission_date, status, days, doctor_rpps from solidarity_mission
                where zone_id = ?1 and mission_date between ?2 and ?3 and status <> 'CANCELLED'""")
                .setParameter(1, zoneId).setParameter(2, start).setParameter(3, end).getResultList();
        List<MissionRow> missions = rows.stream().map(r -> new MissionRow(date(r[0]), (String) r[1], (BigDecimal) r[2], (String) r[3])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> placementRows = entityManager.createNativeQuery("""
                select start_date, end_date from intern_placement where zone_id = ?1 and start_date <= ?3 and end_date >= ?2""")
                .setParameter(1, zoneId).setParameter(2, start).setParameter(3, end).getResultList();
        List<Placement> placements = placementRows.stream().map(r -> new Placement(date(r[0]), date(r[1]))).toList();
        Set<LocalDate> missionDays = new HashSet<>();
        missions.forEach(m -> missionDays.add(m.date()));

        List<Coverage.Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1);
            LocalDate last = month.atEndOfMonth();
            BigDecimal planned = BigDecimal.ZERO;
            BigDecimal completed = BigDecimal.ZERO;
            Set<String> doctors = new HashSet<>();
            for (MissionRow m : missions) {
                if (!m.date().isBefore(first) && !m.date().isAfter(last)) {
                    planned = planned.add(m.days());
                    doctors.add(m.rpps());
                    if ("COMPLETED".equals(m.status())) {
                        completed = completed.add(m.days());
                    }
                }
            }
            int interns = (int) placements.stream().filter(p -> !p.start().isAfter(last) && !p.end().isBefore(first)).count();
            List<String> idle = new ArrayList<>();
            for (LocalDate monday = Coverage.monday(first).isBefore(first) ? Coverage.monday(first).plusWeeks(1) : first;
                    !monday.isAfter(last); monday = monday.plusWeeks(1)) {
                LocalDate weekStart = monday;
                LocalDate sunday = monday.plusDays(6);
                boolean consulted = weekStart.datesUntil(sunday.plusDays(1)).anyMatch(missionDays::contains)
                        || placements.stream().anyMatch(p -> !p.start().isAfter(sunday) && !p.end().isBefore(weekStart));
                if (!consulted) {
                    idle.add(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
                }
            }
            months.add(new Coverage.Month(month, zone.targetDaysPerMonth, planned, completed, doctors.size(), interns, idle));
        }
        return new Coverage.ZoneCoverage(zone.id, zone.epciName, zone.status.name(), from, to, zone.targetDaysPerMonth,
                referencedDoctors(zones.epci(zone).communeCodes()), months);
    }

    /**
     * Zones of the région (every designated, live zone: DESIGNATED, ACTIVE, SUSPENDED), worst covered first.
     * One round trip: each zone's month is read through the (zone, date) index. The order is fixed: a page asking for
     * another is refused.
     */
    public Page<Coverage.Ranked> ranking(String regionCode, String campaign, YearMonth month, PageRequest page) {
        if (page.sort != null) {
            throw DomainException.invalidField("sort", "field.ranking-order");
        }
        return Page.slice(ranking(regionCode, campaign, month), page);
    }

    private List<Coverage.Ranked> ranking(String regionCode, String campaign, YearMonth month) {
        StringBuilder sql = new StringBuilder("""
                select z.id, z.epci_siren, z.epci_name, z.status, z.population, z.target_days_per_month,
                       coalesce(m.planned, 0), coalesce(m.completed, 0), coalesce(m.doctors, 0), coalesce(i.interns, 0)
                from priority_zone z
                left join lateral (select sum(days) planned, sum(days) filter (where status = 'COMPLETED') completed,
                                          count(distinct doctor_rpps) doctors
                                   from solidarity_mission
                                   where zone_id = z.id and mission_date between :first and :last and status <> 'CANCELLED') m on true
                left join lateral (select count(*) interns from intern_placement
                                   where zone_id = z.id and start_date <= :last and end_date >= :first) i on true
                where z.status in ('DESIGNATED', 'ACTIVE', 'SUSPENDED')""");
        if (regionCode != null) {
            sql.append(" and z.region_code = :region");
        }
        if (campaign != null) {
            sql.append(" and z.campaign = :campaign");
        }
        var query = entityManager.createNativeQuery(sql.toString())
                .setParameter("first", month.atDay(1)).setParameter("last", month.atEndOfMonth());
        if (regionCode != null) {
            query.setParameter("region", regionCode);
        }
        if (campaign != null) {
            query.setParameter("campaign", campaign);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        record Row(Object[] r, BigDecimal planned, BigDecimal rate, long population) {
        }
        List<Row> sorted = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal target = (BigDecimal) r[5];
            BigDecimal planned = (BigDecimal) r[6];
            BigDecimal rate = target != null && target.signum() > 0 ? planned.divide(target, 2, RoundingMode.HALF_UP)
                    : planned.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            sorted.add(new Row(r, planned, rate, r[4] == null ? 0 : ((Number) r[4]).longValue()));
        }
        sorted.sort(Comparator.comparing(Row::rate).thenComparing(Row::planned)
                .thenComparing(Row::population, Comparator.reverseOrder())
                .thenComparing(row -> (String) row.r()[2]).thenComparing(row -> row.r()[0].toString()));
        List<Coverage.Ranked> result = new ArrayList<>();
        for (Row row : sorted) {
            Object[] r = row.r();
            String siren = (String) r[1];
            List<String> departements = geography.epci(siren).map(Epci::departementCodes).orElse(List.of());
            result.add(new Coverage.Ranked(result.size() + 1, (UUID) r[0], siren, (String) r[2], (String) r[3], departements,
                    r[4] == null ? null : ((Number) r[4]).longValue(), (BigDecimal) r[5], row.planned(), (BigDecimal) r[7],
                    ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), row.rate()));
        }
        return result;
    }

    long referencedDoctors(List<String> communeCodes) {
        if (communeCodes.isEmpty()) {
            return 0;
        }
        return ((Number) entityManager.createNativeQuery("""
                select count(distinct d.doctor_id) from referenced_doctor d
                join referenced_doctor_commune c on c.doctor_id = d.doctor_id
                where c.commune_code in (?1) and d.charter_status in (?2)""")
                .setParameter(1, communeCodes).setParameter(2, referral.activeCharterStatuses()).getSingleResult()).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
