package fr.civmil.health.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import fr.civmil.health.devstack.TestInfrastructure;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Real tokens from the dev issuer, and deliberately wrong ones signed by hand. */
public final class Tokens {

    private Tokens() {
    }

    /** The dev client of a role, e.g. dev-ars. */
    public static String of(String role) {
        return TestInfrastructure.token("dev-" + role, role);
    }

    public static String of(String client, String role) {
        return TestInfrastructure.token(client, role);
    }

    /** The gateway's answer to a token it does not accept: 401 problem+json, nothing sent upstream. */
    public static void refused(Response response) {
        response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .header("X-Upstream", nullValue())
                .body("type", is("urn:civmil:problem:unauthenticated"));
    }

    /** A request carrying the dev client's token for this role. */
    public static RequestSpecification as(String role) {
        return RestAssured.given().header("Authorization", "Bearer " + of(role));
    }

    /** Claims as the dev issuer would write them, for a test to spoil one. */
    public static JwtClaims claims(String subject, String role) {
        Map<String, String> infra = TestInfrastructure.start();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(infra.get("issuer"));
        claims.setAudience("civmil-health");
        claims.setSubject(subject);
        claims.setClaim("client_id", subject);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        return claims;
    }

    /** Signed with the dev issuer's own key and key id. */
    public static String signedByIssuer(JwtClaims claims) {
        Map<String, String> infra = TestInfrastructure.start();
        try {
            String pem = Files.readString(Path.of(infra.get("issuer.private-key")));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return sign(claims, key, infra.get("issuer.key-id"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with a key the issuer never published, under the issuer's key id. */
    public static String signedByStranger(JwtClaims claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims, generator.generateKeyPair().getPrivate(), TestInfrastructure.start().get("issuer.key-id"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static NumericDate minutesAgo(int minutes) {
        NumericDate date = NumericDate.now();
        date.addSeconds(-60L * minutes);
        return date;
    }

    private static String sign(JwtClaims claims, PrivateKey key, String keyId) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
