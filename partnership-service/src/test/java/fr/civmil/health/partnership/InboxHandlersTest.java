package fr.civmil.health.partnership;

import fr.civmil.health.contracts.events.InboxHandlersContract;
import io.quarkus.test.junit.QuarkusTest;

/** partnership-service's projections bind what the producers' schemas guarantee, apply their examples, and its AsyncAPI document says so. */
@QuarkusTest
class InboxHandlersTest extends InboxHandlersContract {
}
