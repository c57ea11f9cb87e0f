package fr.civmil.health.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
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
            given().header("Authorization", "Bearer " + token).get("/api/v1/priority-zones")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                    .header("X-Upstream", (String) null)
                    .body("type", is("urn:civmil:problem:unauthenticated"));
        }
    }

    public static class PemKey implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeUpstreamsResource.class),
                    new TestResourceEntry(PemResource.class, Map.of("database", "gateway")));
        }
    }

    /** The dev stack (database), with the gateway trusting one PEM public key written to a file. */
    public static class PemResource extends DevStackTestResource {

        private final IssuerKeys keys = new IssuerKeys();
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
        public void inject(TestInjector injector) {
            injector.injectIntoFields(keys, new TestInjector.MatchesType(IssuerKeys.class));
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
