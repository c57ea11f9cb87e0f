package fr.civmil.health.zones;

import java.util.List;

import fr.civmil.health.contracts.events.ConsumedFields;
import fr.civmil.health.contracts.events.ConsumedFieldsContract;

/**
 * What zones-service's inbox handlers read of other services' events, in one place: the producers'
 * schemas must guarantee it (here), and the handlers must read exactly it ({@link InboxHandlersTest}).
 */
class ConsumedEventsTest extends ConsumedFieldsContract {

    private static final String DOCTOR = "fr.civmil.referral.doctor.";
    private static final String CRISIS = "fr.civmil.partnership.crisis.";

    static final List<ConsumedFields> CONSUMED = List.of(
            ConsumedFields.handler("referenced-doctors")
                    .event(DOCTOR + "referenced.v1", DOCTOR + "updated.v1").requires("/data/charterStatus", "string")
                    .event(DOCTOR + "charter-status-changed.v1").requires("/data/to", "string")
                    .event(DOCTOR + "referenced.v1", DOCTOR + "updated.v1", DOCTOR + "charter-status-changed.v1")
                    .requires("/data/doctorId", "string").optional("/data/rpps", "string")
                    .optional("/data/practiceCommuneCodes", "string[]"),
            ConsumedFields.handler("crisis-activations")
                    .event(CRISIS + "activated.v1").optional("/data/activatedAt", "string")
                    .event(CRISIS + "stood-down.v1").optional("/data/stoodDownAt", "string")
                    .event(CRISIS + "activated.v1", CRISIS + "stood-down.v1")
                    .requires("/data/activationId", "string").requires("/data/plan", "string")
                    .optional("/data/departementCodes", "string[]").optional("/data/zoneIds", "string[]"));

    @Override
    protected List<ConsumedFields> consumed() {
        return CONSUMED;
    }
}
