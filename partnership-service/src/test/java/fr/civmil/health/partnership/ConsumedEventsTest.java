package fr.civmil.health.partnership;

import java.util.List;

import fr.civmil.health.contracts.events.ConsumedFields;
import fr.civmil.health.contracts.events.ConsumedFieldsContract;

/**
 * What partnership-service's inbox handlers read of other services' events, in one place: the
 * producers' schemas must guarantee it (here), and the handlers must read exactly it ({@link InboxHandlersTest}).
 */
class ConsumedEventsTest extends ConsumedFieldsContract {

    private static final String ZONE = "fr.civmil.zones.priority-zone.";
    private static final String MISSION = "fr.civmil.zones.solidarity-mission.";
    private static final String DOCTOR = "fr.civmil.referral.doctor.";

    static final List<ConsumedFields> CONSUMED = List.of(
            ConsumedFields.handler("zones-feed")
                    .event(ZONE + "designated.v1").optional("/data/status", "string").optional("/data/epciName", "string")
                    .event(ZONE + "status-changed.v1").optional("/data/to", "string")
                    .event(ZONE + "designated.v1", ZONE + "status-changed.v1", ZONE + "retired.v1")
                    .requires("/data/zoneId", "string").optional("/data/epciSiren", "string").optional("/data/regionCode", "string")
                    .event(MISSION + "completed.v1", MISSION + "cancelled.v1")
                    .requires("/data/missionId", "string").optional("/data/zoneId", "string").requires("/data/regionCode", "string")
                    .requires("/data/date", "string").requires("/data/days", "number"),
            ConsumedFields.handler("referral-feed")
                    .event(DOCTOR + "referenced.v1", DOCTOR + "updated.v1").optional("/data/charterStatus", "string")
                    .event(DOCTOR + "charter-status-changed.v1").optional("/data/to", "string")
                    .event(DOCTOR + "referenced.v1", DOCTOR + "updated.v1", DOCTOR + "charter-status-changed.v1")
                    .requires("/data/doctorId", "string").optional("/data/regionCodes", "string[]"));

    @Override
    protected List<ConsumedFields> consumed() {
        return CONSUMED;
    }
}
