package fr.civmil.health.partnership;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.ColumnWidthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** No valid enum value or bounded text overflows its column. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ColumnWidthTest extends ColumnWidthContract {
}
