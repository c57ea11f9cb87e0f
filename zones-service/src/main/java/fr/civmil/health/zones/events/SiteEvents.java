package fr.civmil.health.zones.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import fr.civmil.health.platform.outbox.EventType;

/** Payloads of the consultation-site and solidarity-mission events on {@code zones.events.v1}. */
public final class SiteEvents {

    public static final String SITE = "consultation-site";
    public static final String SITE_OPENED = "fr.civmil.zones.consultation-site.opened.v1";
    public static final String SITE_CLOSED = "fr.civmil.zones.consultation-site.closed.v1";
    public static final String MISSION = "solidarity-mission";
    public static final String MISSION_COMPLETED = "fr.civmil.zones.solidarity-mission.completed.v1";
    public static final String MISSION_CANCELLED = "fr.civmil.zones.solidarity-mission.cancelled.v1";

    private SiteEvents() {
    }

    @EventType(value = SITE_OPENED, aggregate = SITE)
    public record SiteOpened(UUID siteId, UUID zoneId, String communeCode, String kind) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return siteId.toString();
        }
    }

    @EventType(value = SITE_CLOSED, aggregate = SITE)
    public record SiteClosed(UUID siteId, UUID zoneId, String communeCode, String kind) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return siteId.toString();
        }
    }

    /** A mission took place: its allowance ({@code allowanceEur}) becomes payable to the doctor. */
    @EventType(value = MISSION_COMPLETED, aggregate = MISSION)
    public record MissionCompleted(UUID missionId, UUID zoneId, UUID siteId, LocalDate date, String slot, BigDecimal days,
            String regionCode, String departementCode, BigDecimal allowanceEur) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return missionId.toString();
        }
    }

    @EventType(value = MISSION_CANCELLED, aggregate = MISSION)
    public record MissionCancelled(UUID missionId, UUID zoneId, UUID siteId, LocalDate date, String slot, BigDecimal days,
            String reason, String regionCode, String departementCode) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return missionId.toString();
        }
    }
}
