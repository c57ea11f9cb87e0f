package fr.civmil.health.partnership.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import fr.civmil.health.partnership.domain.Direction;
import fr.civmil.health.partnership.domain.Feed;

/** What a resource hands to {@link IndicatorService}. */
public final class IndicatorCommands {

    private IndicatorCommands() {
    }

    /** A new indicator of a commitment; with a feed (and its région), it is measured from events. */
    public record IndicatorDraft(UUID commitmentId, String name, String unit, BigDecimal baseline, BigDecimal target,
            Direction direction, Feed feed, String regionCode) {
    }

    /** A measurement someone took by hand. */
    public record ManualMeasurement(LocalDate date, BigDecimal value, String comment) {
    }
}
