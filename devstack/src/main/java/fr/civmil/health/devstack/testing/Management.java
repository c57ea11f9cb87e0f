package fr.civmil.health.devstack.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the management interface of the Quarkus application under test (health, metrics), which listens on a
 * port of its own, never on the API's.
 */
public final class Management {

    private Management() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    /** The management interface's port in this test run (a free one, taken at start). */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
