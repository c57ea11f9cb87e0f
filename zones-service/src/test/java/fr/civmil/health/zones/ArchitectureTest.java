package fr.civmil.health.zones;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.testing.ArchitectureRules;

/** The layering of docs/architecture.md, on this service's compiled classes. */
class ArchitectureTest {

    private static final String ROOT = "fr.civmil.health.zones";

    @Test
    void theLayersHold() {
        ArchitectureRules.check(ArchitectureRules.mainClasses(ROOT), ArchitectureRules.forService(ROOT));
    }
}
