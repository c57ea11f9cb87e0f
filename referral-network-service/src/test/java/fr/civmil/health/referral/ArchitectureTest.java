package fr.civmil.health.referral;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.testing.ArchitectureRules;

/** The layering of docs/architecture.md, on this service's compiled classes. */
class ArchitectureTest {

    private static final String ROOT = "fr.civmil.health.referral";

    @Test
    void theLayersHold() {
        ArchitectureRules.check(ArchitectureRules.mainClasses(ROOT), ArchitectureRules.forService(ROOT));
    }
}
