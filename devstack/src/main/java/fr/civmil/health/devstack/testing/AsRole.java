package fr.civmil.health.devstack.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.civmil.health.devstack.TestInfrastructure;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the dev user of one role ({@code dev-<role>}), whose token the dev issuer signs once per test JVM. */
public final class AsRole {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private AsRole() {
    }

    public static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> TestInfrastructure.token("dev-" + r, r));
    }

    /** A JSON request carrying the role's token. */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role)).contentType(ContentType.JSON);
    }
}
