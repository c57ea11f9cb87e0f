package fr.civmil.health.partnership.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.Nullable;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import fr.civmil.health.partnership.domain.Feed;
import fr.civmil.health.platform.inbox.Projection;

/**
 * zones-service events: priority zones become known (commitments and crises may name them), and
 * completed solidarity-mission days feed the consultation-days indicators of their région. Sites do
 * not concern the partnership.
 */
@Singleton
public class ZonesProjection extends Projection {

    private static final String ZONE = "fr.civmil.zones.priority-zone.";
    private static final String MISSION = "fr.civmil.zones.solidarity-mission.";

    /** What the partnership reads of a designation: only it carries the EPCI name, which the row keeps. */
    record Designated(UUID zoneId, @Nullable String epciSiren, @Nullable String epciName, @Nullable String status,
            @Nullable String regionCode) {
    }

    record StatusChanged(UUID zoneId, @Nullable String epciSiren, @Nullable String to, @Nullable String regionCode) {
    }

    record Retired(UUID zoneId, @Nullable String epciSiren, @Nullable String regionCode) {
    }

    /** A mission completed or cancelled: its days count, or no longer count, for its région. */
    record MissionDays(UUID missionId, @Nullable UUID zoneId, String regionCode, LocalDate date, BigDecimal days) {
    }

    private final EntityManager entityManager;
    private final Event<FeedUpdated> feedUpdates;

    public ZonesProjection(EntityManager entityManager, Event<FeedUpdated> feedUpdates) {
        super("zones-feed", "zones.events.v1");
        this.entityManager = entityManager;
        this.feedUpdates = feedUpdates;
        on(ZONE + "designated.v1", Designated.class, (zone, event) -> zone(zone.zoneId(), zone.epciSiren(), zone.epciName(),
                zone.status(), zone.regionCode(), false));
        on(ZONE + "status-changed.v1", StatusChanged.class, (zone, event) -> zone(zone.zoneId(), zone.epciSiren(), null,
                zone.to(), zone.regionCode(), false));
        on(ZONE + "retired.v1", Retired.class, (zone, event) -> zone(zone.zoneId(), zone.epciSiren(), null, "RETIRED",
                zone.regionCode(), true));
        on(MISSION + "completed.v1", MissionDays.class, (mission, event) -> mission(mission, false));
        on(MISSION + "cancelled.v1", MissionDays.class, (mission, event) -> mission(mission, true));
    }

    private void zone(UUID zoneId, String epciSiren, String epciName, String status, String regionCode, boolean retired) {
        entityManager.createNativeQuery("""
                insert into known_zone (zone_id, epci_siren, epci_name, status, region_code, retired, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, now())
                on conflict (zone_id) do update set epci_siren = coalesce(excluded.epci_siren, known_zone.epci_siren),
                    epci_name = coalesce(excluded.epci_name, known_zone.epci_name), status = excluded.status,
                    region_code = coalesce(excluded.region_code, known_zone.region_code), retired = excluded.retired,
                    updated_at = now()""")
                .setParameter(1, zoneId).setParameter(2, epciSiren).setParameter(3, epciName).setParameter(4, status)
                .setParameter(5, regionCode).setParameter(6, retired)
                .executeUpdate();
    }

    private void mission(MissionDays mission, boolean cancelled) {
        entityManager.createNativeQuery("""
                insert into mission_day (mission_id, zone_id, region_code, mission_date, days, cancelled)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (mission_id) do update set region_code = excluded.region_code, mission_date = excluded.mission_date,
                    days = excluded.days, cancelled = excluded.cancelled""")
                .setParameter(1, mission.missionId()).setParameter(2, mission.zoneId()).setParameter(3, mission.regionCode())
                .setParameter(4, mission.date()).setParameter(5, mission.days()).setParameter(6, cancelled)
                .executeUpdate();
        feedUpdates.fire(new FeedUpdated(Feed.CONSULTATION_DAYS, mission.regionCode()));
    }
}
