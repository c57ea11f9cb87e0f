package fr.civmil.health.referral;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.SchemaFuzzContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the served document, fed invalid and valid requests derived from its schemas. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SchemaFuzzTest extends SchemaFuzzContract {
}
