package fr.civmil.health.zones;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.ServiceChassisContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ZonesChassisTest extends ServiceChassisContract {

    @Override
    protected String openApiTitle() {
        return "CivMil Health — Zones service";
    }
}
