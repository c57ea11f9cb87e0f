package fr.civmil.health.partnership.events;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.partnership.domain.Feed;
import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.InboxHandler;

/**
 * zones-service events: priority zones become known (commitments and crises may name them), and
 * completed solidarity-mission days feed the consultation-days indicators of their région.
 */
@ApplicationScoped
public class ZonesProjection implements InboxHandler {

    static final String ZONES = "fr.civmil.zones.";

    private final EntityManager entityManager;
    private final Event<FeedUpdated> feedUpdates;

    public ZonesProjection(EntityManager entityManager, Event<FeedUpdated> feedUpdates) {
        this.entityManager = entityManager;
        this.feedUpdates = feedUpdates;
    }

    @Override
    public String name() {
        return "zones-feed";
    }

    @Override
    public Set<String> topics() {
        return Set.of("zones.events.v1");
    }

    @Override
    public void handle(CloudEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case ZONES + "priority-zone.designated.v1" -> zone(data, data.path("status").asText(null), data.path("epciName").asText(null), false);
            // Only the designation carries the EPCI name; the row keeps it.
            case ZONES + "priority-zone.status-changed.v1" -> zone(data, data.path("to").asText(null), null, false);
            case ZONES + "priority-zone.retired.v1" -> zone(data, "RETIRED", null, true);
            case ZONES + "solidarity-mission.completed.v1" -> mission(data, false);
            case ZONES + "solidarity-mission.cancelled.v1" -> mission(data, true);
            default -> {
                // Sites and future event types do not concern the partnership.
            }
        }
    }

    private void zone(JsonNode data, String status, String epciName, boolean retired) {
        entityManager.createNativeQuery("""
                insert into known_zone (zone_id, epci_siren, epci_name, status, region_code, retired, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, now())
                on conflict (zone_id) do update set epci_siren = coalesce(excluded.epci_siren, known_zone.epci_siren),
                    epci_name = coalesce(excluded.epci_name, known_zone.epci_name), status = excluded.status,
                    region_code = coalesce(excluded.region_code, known_zone.region_code), retired = excluded.retired,
                    updated_at = now()""")
                .setParameter(1, required(data, "zoneId")).setParameter(2, data.path("epciSiren").asText(null))
                .setParameter(3, epciName).setParameter(4, status)
                .setParameter(5, data.path("regionCode").asText(null)).setParameter(6, retired)
                .executeUpdate();
    }

    private void mission(JsonNode data, boolean cancelled) {
        String region = data.path("regionCode").asText(null);
        if (region == null) {
            throw new IllegalArgumentException("mission event without regionCode");
        }
        entityManager.createNativeQuery("""
                insert into mission_day (mission_id, zone_id, region_code, mission_date, days, cancelled)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (mission_id) do update set region_code = excluded.region_code, mission_date = excluded.mission_date,
                    days = excluded.days, cancelled = excluded.cancelled""")
                .setParameter(1, required(data, "missionId"))
                .setParameter(2, data.hasNonNull("zoneId") ? UUID.fromString(data.get("zoneId").asText()) : null)
                .setParameter(3, region).setParameter(4, LocalDate.parse(data.path("date").asText()))
                .setParameter(5, data.path("days").decimalValue()).setParameter(6, cancelled)
                .executeUpdate();
        feedUpdates.fire(new FeedUpdated(Feed.CONSULTATION_DAYS, region));
    }

    static UUID required(JsonNode data, String field) {
        if (!data.hasNonNull(field)) {
            throw new IllegalArgumentException("event data has no " + field);
        }
        return UUID.fromString(data.get(field).asText());
    }
}
