package fr.civmil.health.gateway;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Keys from a PEM public key ({@code mp.jwt.verify.publickey.location} naming a file) instead of a JWKS URL. */
@QuarkusTest
@TestProfile(PemKeyTest.PemKey.class)
class PemKeyTest {

    /** Injected by {@link PemResource}. */
    IssuerKeys keys;

    @Test
    void tokensSignedByTheMatchingPrivateKeyPassAndOthersAre401() {
        given().header("Authorization", "Bearer " + keys.token("pem", "pem-client")).get("/api/v1/priority-zones")
                .then().statusCode(200).header("X-Upstream", "zones");
        given().header("Authorization", "Bearer " + keys.tokenWithoutKid("pem", "pem-client")).get("/api/v1/priority-zones")
                .then().statusCode(200).header("X-Upstream", "zones");

        for (String token : List.of(keys.token("other", "intruder"), keys.tokenWithoutKid("other", "intruder"))) {
            Tokens.refused(given().header("Authorization", "Bearer " + token).get("/api/v1/priority-zones"));
        }
    }

    public static class PemKey extends IssuerKeys.Profile {
        public PemKey() {
            super(PemResource.class);
        }
    }

    /** The gateway trusting one PEM public key written to a file. */
    public static class PemResource extends IssuerKeys.Resource {

        private Path pem;

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.create("pem").getPublic().getEncoded());
            try {
                pem = Files.createTempFile("gateway-test-key", ".pem");
                Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config.put("mp.jwt.verify.publickey.location", pem.toUri().toString());
            config.put("mp.jwt.verify.issuer", IssuerKeys.ISSUER);
            return config;
        }

        @Override
        public void stop() {
            try {
                Files.deleteIfExists(pem);
            } catch (IOException e) {
                // a temporary file
            }
        }
    }
}
