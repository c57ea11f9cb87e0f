package fr.civmil.health.partnership.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The events this service publishes on partnership.events.v1 (see docs/events.md). */
public final class PartnershipEvents {

    public static final String PREFIX = "fr.civmil.partnership.";
    public static final String COMMITMENT_STATUS_CHANGED = PREFIX + "commitment.status-changed.v1";
    public static final String INDICATOR_MEASURED = PREFIX + "indicator.measured.v1";
    public static final String REVIEW_SIGNED = PREFIX + "review.signed.v1";
    public static final String CRISIS_ACTIVATED = PREFIX + "crisis.activated.v1";
    public static final String CRISIS_STOOD_DOWN = PREFIX + "crisis.stood-down.v1";

    private PartnershipEvents() {
    }

    public record CommitmentStatusChanged(UUID commitmentId, UUID contractId, int axis, String from, String to, String reason) {
    }

    public record IndicatorMeasured(UUID indicatorId, UUID commitmentId, LocalDate date, BigDecimal value, String source) {
    }

    public record ReviewSigned(UUID reviewId, UUID contractId, int year, String party, boolean fullySigned) {
    }

    public record CrisisActivated(UUID activationId, String plan, List<String> departementCodes, List<UUID> zoneIds,
            String requestingParty, Instant activatedAt) {
    }

    public record CrisisStoodDown(UUID activationId, String plan, List<String> departementCodes, List<UUID> zoneIds,
            Instant stoodDownAt) {
    }
}
