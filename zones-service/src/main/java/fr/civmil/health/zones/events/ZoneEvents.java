package fr.civmil.health.zones.events;

import java.util.List;
import java.util.UUID;

import fr.civmil.health.platform.outbox.EventType;

/**
 * Payloads of the priority-zone events on {@code zones.events.v1} (docs/events.md; catalogue: {@link PublishedEvent}; schemas in
 * contracts/events). Every one carries the member commune codes so consumers need no lookup.
 */
public final class ZoneEvents {

    public static final String AGGREGATE = "priority-zone";
    public static final String DESIGNATED = "fr.civmil.zones.priority-zone.designated.v1";
    public static final String STATUS_CHANGED = "fr.civmil.zones.priority-zone.status-changed.v1";
    public static final String RETIRED = "fr.civmil.zones.priority-zone.retired.v1";

    private ZoneEvents() {
    }

    @EventType(value = DESIGNATED, aggregate = AGGREGATE)
    public record Designated(UUID zoneId, String epciSiren, String epciName, String campaign, String status, String regionCode,
            List<String> departementCodes, List<String> communeCodes, Long population) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return zoneId.toString();
        }
    }

    @EventType(value = STATUS_CHANGED, aggregate = AGGREGATE)
    public record StatusChanged(UUID zoneId, String epciSiren, String campaign, String from, String to, String reason,
            String regionCode, List<String> departementCodes, List<String> communeCodes) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return zoneId.toString();
        }
    }

    @EventType(value = RETIRED, aggregate = AGGREGATE)
    public record Retired(UUID zoneId, String epciSiren, String campaign, String reason, String regionCode,
            List<String> departementCodes, List<String> communeCodes) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return zoneId.toString();
        }
    }
}
