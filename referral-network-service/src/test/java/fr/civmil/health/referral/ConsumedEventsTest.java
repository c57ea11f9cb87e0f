package fr.civmil.health.referral;

import java.util.List;

import fr.civmil.health.contracts.events.ConsumedFields;
import fr.civmil.health.contracts.events.ConsumedFieldsContract;

/**
 * What referral-network-service's inbox handlers read of other services' events, in one place: the
 * producers' schemas must guarantee it (here), and the handlers must read exactly it ({@link InboxHandlersTest}).
 */
class ConsumedEventsTest extends ConsumedFieldsContract {

    private static final String ZONE = "fr.civmil.zones.priority-zone.";
    private static final String CRISIS = "fr.civmil.partnership.crisis.";

    static final List<ConsumedFields> CONSUMED = List.of(
            ConsumedFields.handler("priority-zones")
                    .event(ZONE + "designated.v1").requires("/data/status", "string")
                    .event(ZONE + "status-changed.v1").requires("/data/to", "string")
                    .event(ZONE + "designated.v1", ZONE + "status-changed.v1")
                    .requires("/data/communeCodes", "string[]").optional("/data/epciSiren", "string")
                    .event(ZONE + "designated.v1", ZONE + "status-changed.v1", ZONE + "retired.v1").requires("/data/zoneId", "string"),
            ConsumedFields.handler("crisis-activations")
                    .event(CRISIS + "activated.v1").requires("/data/plan", "string")
                    .optional("/data/departementCodes", "string[]").optional("/data/activatedAt", "string")
                    .event(CRISIS + "activated.v1", CRISIS + "stood-down.v1").requires("/data/activationId", "string"));

    @Override
    protected List<ConsumedFields> consumed() {
        return CONSUMED;
    }
}
