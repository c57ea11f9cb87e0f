package fr.civmil.health.gateway;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.testing.ArchitectureRules;

/** The gateway's packages form no cycle (docs/architecture.md). */
class ArchitectureTest {

    private static final String ROOT = "fr.civmil.health.gateway";

    @Test
    void thePackagesFormNoCycle() {
        ArchitectureRules.check(ArchitectureRules.mainClasses(ROOT), ArchitectureRules.forGateway(ROOT));
    }
}
