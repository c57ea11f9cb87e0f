package fr.civmil.health.partnership.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One value of an indicator at a date. */
@Entity
public class Measurement extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID indicatorId;
    public LocalDate measuredOn;
    public BigDecimal value;
    @Enumerated(EnumType.STRING)
    public MeasurementSource source;
    public String comment;
    public Instant recordedAt;

    /** The latest measurement by date (then by recording time), or null. */
    public static Measurement latest(UUID indicatorId) {
        return Measurement.<Measurement>find("indicatorId = ?1 order by measuredOn desc, recordedAt desc", indicatorId)
                .firstResult();
    }

    /** The latest measurement of each indicator that has one, in one query for a whole page of indicators. */
    @SuppressWarnings("unchecked")
    public static Map<UUID, Measurement> latestOf(Collection<UUID> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return Map.of();
        }
        List<Measurement> latest = getEntityManager().createNativeQuery("""
                select distinct on (indicator_id) * from measurement where indicator_id in (?1)
                order by indicator_id, measured_on desc, recorded_at desc""", Measurement.class)
                .setParameter(1, indicatorIds).getResultList();
        return latest.stream().collect(Collectors.toMap(m -> m.indicatorId, m -> m));
    }
}
