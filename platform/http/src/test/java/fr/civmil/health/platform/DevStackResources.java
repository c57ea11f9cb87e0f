package fr.civmil.health.platform;

import io.quarkus.test.common.QuarkusTestResource;

import fr.civmil.health.devstack.DevStackTestResource;

/** Starts the shared dev stack (PostgreSQL, Kafka, dev issuer) once for every test of this module. */
@QuarkusTestResource(DevStackTestResource.class)
public class DevStackResources {
}
