package fr.civmil.health.partnership.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.civmil.health.partnership.domain.Feed;

/** Figures computed from the read models other services' events keep up to date. */
@ApplicationScoped
public class FeedFigures {

    /** Completed consultation days of one month in one région. */
    public record MonthDays(YearMonth month, BigDecimal days) {
    }

    private final EntityManager entityManager;
    private final List<String> activeCharterStatuses;

    public FeedFigures(EntityManager entityManager,
            @ConfigProperty(name = "civmil.partnership.active-charter-statuses") String activeCharterStatuses) {
        this.entityManager = entityManager;
        this.activeCharterStatuses = Arrays.stream(activeCharterStatuses.split(",")).map(String::trim).toList();
    }

    public BigDecimal value(Feed feed, String regionCode, LocalDate asOf) {
        return switch (feed) {
            case CONSULTATION_DAYS -> consultationDays(regionCode, LocalDate.of(asOf.getYear(), 1, 1), asOf.withDayOfYear(asOf.lengthOfYear()));
            case REFERENCED_DOCTORS -> BigDecimal.valueOf(activeDoctors(regionCode));
        };
    }

    public BigDecimal consultationDays(String regionCode, LocalDate from, LocalDate to) {
        Object sum = entityManager.createNativeQuery("""
                select coalesce(sum(days), 0) from mission_day
                where region_code = ?1 and not cancelled and mission_date between ?2 and ?3""")
                .setParameter(1, regionCode).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new BigDecimal(sum.toString()).setScale(1);
    }

    @SuppressWarnings("unchecked")
    public List<MonthDays> consultationDaysPerMonth(String regionCode, YearMonth from, YearMonth to) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select to_char(mission_date, 'YYYY-MM'), sum(days) from mission_day
                where region_code = ?1 and not cancelled and mission_date between ?2 and ?3
                group by 1 order by 1""")
                .setParameter(1, regionCode).setParameter(2, from.atDay(1)).setParameter(3, to.atEndOfMonth()).getResultList();
        return rows.stream().map(r -> new MonthDays(YearMonth.parse((String) r[0]), new BigDecimal(r[1].toString()).setScale(1))).toList();
    }

    public long activeDoctors(String regionCode) {
        Object count = entityManager.createNativeQuery("""
                select count(*) from referenced_doctor
                where charter_status in (?1) and jsonb_exists(region_codes, ?2)""")
                .setParameter(1, activeCharterStatuses).setParameter(2, regionCode).getSingleResult();
        return ((Number) count).longValue();
    }
}
