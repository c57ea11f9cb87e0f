package fr.civmil.health.partnership.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What measures a commitment: from a baseline toward a target, typed by hand or fed by events. */
@Entity
public class Indicator extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID contractId;
    public UUID commitmentId;
    public String name;
    public String unit;
    public BigDecimal baseline;
    public BigDecimal target;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    /** Null for a manual indicator. */
    @Enumerated(EnumType.STRING)
    public Feed feed;
    public String regionCode;
    @Version
    public long version;
    public Instant createdAt;

    /** Share of the way from baseline to target, in percent (negative when it went the wrong way). */
    public BigDecimal progress(BigDecimal value) {
        return value.subtract(baseline).multiply(BigDecimal.valueOf(100)).divide(target.subtract(baseline), 1, RoundingMode.HALF_UP);
    }

    public boolean targetReached(BigDecimal value) {
        return direction == Direction.HIGHER_IS_BETTER ? value.compareTo(target) >= 0 : value.compareTo(target) <= 0;
    }
}
