package fr.civmil.health.zones;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.RoleMatrixContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the served document × every role, as its x-roles say. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class RoleMatrixTest extends RoleMatrixContract {
}
