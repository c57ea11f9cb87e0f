package fr.civmil.health.partnership.service;

import java.util.List;
import java.util.UUID;

import fr.civmil.health.partnership.domain.OrsanPlan;
import fr.civmil.health.partnership.domain.ReinforcementType;
import fr.civmil.health.partnership.domain.RequestingParty;

/** What a resource hands to {@link CrisisService}. */
public final class CrisisCommands {

    private CrisisCommands() {
    }

    /** A request to activate an ORSAN plan over départements and priority zones. */
    public record ActivationRequest(OrsanPlan plan, List<String> departementCodes, List<UUID> zoneIds, String reason,
            RequestingParty requestingParty) {
    }

    /** Reinforcements asked for during an activation. */
    public record ReinforcementRequest(ReinforcementType type, int quantity, String place) {
    }
}
