package fr.civmil.health.partnership.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.civmil.health.platform.outbox.EventType;

/** The events this service publishes on partnership.events.v1 (see docs/events.md; catalogue: {@link PublishedEvent}). */
public final class PartnershipEvents {

    static final String PREFIX = "fr.civmil.partnership.";
    static final String COMMITMENT_STATUS_CHANGED = PREFIX + "commitment.status-changed.v1";
    static final String INDICATOR_MEASURED = PREFIX + "indicator.measured.v1";
    static final String REVIEW_SIGNED = PREFIX + "review.signed.v1";
    static final String CRISIS_ACTIVATED = PREFIX + "crisis.activated.v1";
    static final String CRISIS_STOOD_DOWN = PREFIX + "crisis.stood-down.v1";
    static final String CRISIS_ACTIVATION = "crisis-activation";

    private PartnershipEvents() {
    }

    @EventType(value = COMMITMENT_STATUS_CHANGED, aggregate = "commitment")
    public record CommitmentStatusChanged(UUID commitmentId, UUID contractId, int axis, String from, String to, String reason)
            implements PublishedEvent {

        @Override
        public String aggregateId() {
            return commitmentId.toString();
        }
    }

    @EventType(value = INDICATOR_MEASURED, aggregate = "indicator")
    public record IndicatorMeasured(UUID indicatorId, UUID commitmentId, LocalDate date, BigDecimal value, String source)
            implements PublishedEvent {

        @Override
        public String aggregateId() {
            return indicatorId.toString();
        }
    }

    @EventType(value = REVIEW_SIGNED, aggregate = "review")
    public record ReviewSigned(UUID reviewId, UUID contractId, int year, String party, boolean fullySigned) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return reviewId.toString();
        }
    }

    @EventType(value = CRISIS_ACTIVATED, aggregate = CRISIS_ACTIVATION)
    public record CrisisActivated(UUID activationId, String plan, List<String> departementCodes, List<UUID> zoneIds,
            String requestingParty, Instant activatedAt) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return activationId.toString();
        }
    }

    @EventType(value = CRISIS_STOOD_DOWN, aggregate = CRISIS_ACTIVATION)
    public record CrisisStoodDown(UUID activationId, String plan, List<String> departementCodes, List<UUID> zoneIds,
            Instant stoodDownAt) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return activationId.toString();
        }
    }
}
