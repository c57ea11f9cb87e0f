package fr.civmil.health.gateway;

import java.util.Set;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.SchemaFuzzContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway's own API (its audit trail), fed invalid and valid requests derived from its document. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class SchemaFuzzTest extends SchemaFuzzContract {

    @Override
    protected Set<String> tablesEveryRequestWrites() {
        // The audit trail, and what each request takes from its quota (shared with the other gateways).
        return Set.of("gateway_audit", "gateway_quota_usage", "gateway_quota_refusals");
    }
}
