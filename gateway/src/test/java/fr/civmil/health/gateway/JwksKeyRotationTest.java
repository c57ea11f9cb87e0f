package fr.civmil.health.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Keys from a JWKS URL: fetched once and cached, fetched again when a token names a key id the cache does
 * not hold (the identity provider rotated its keys), and never trusted for a key it does not publish. The
 * JWKS is the test's own ({@link IssuerKeys}), so the test decides when a key appears.
 *
 * <p>The methods run in order: smallrye-jwt refetches on an unknown key id at most once per
 * {@code smallrye.jwt.jwks.forced-refresh-interval} (1 minute, platform-http), so the rotation must come
 * before the tokens of unknown keys, as it would in real life.
 */
@QuarkusTest
@TestProfile(JwksKeyRotationTest.OwnJwks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwksKeyRotationTest {

    /** Injected by {@link JwksResource}. */
    IssuerKeys keys;

    @Test
    @Order(1)
    void keysAreCachedAndARotatedKeyIsFetchedOnItsFirstToken() {
        call(keys.token("key-1", "rotation-client")).then().statusCode(200).header("X-Upstream", "zones");
        int fetched = keys.fetches();
        // Distinct tokens (each has its own jti), so each one is really verified, not answered from the token cache.
        for (int i = 0; i < 3; i++) {
            call(keys.token("key-1", "rotation-client")).then().statusCode(200).header("X-Upstream", "zones");
        }
        assertEquals(fetched, keys.fetches(), "the JWKS is cached, not fetched per token");

        // The provider rotates: a new key is published and tokens are signed with it. The cache (60 min) does
        // not hold it: only a fetch on the unknown key id lets this token in.
        keys.publish("key-2");
        call(keys.token("key-2", "rotation-client")).then().statusCode(200).header("X-Upstream", "zones");
        assertEquals(fetched + 1, keys.fetches(), "the unknown key id made the gateway fetch the JWKS again, once");
        call(keys.token("key-2", "rotation-client")).then().statusCode(200);
        call(keys.token("key-1", "rotation-client")).then().statusCode(200);
        assertEquals(fetched + 1, keys.fetches());
    }

    @Test
    @Order(2)
    void tokensOfKeysTheIssuerNeverPublishedAre401AndDoNotHammerIt() {
        call(keys.token("key-1", "rotation-client")).then().statusCode(200);
        int before = keys.fetches();
        keys.create("key-never-published");
        for (int i = 0; i < 5; i++) {
            Tokens.refused(call(keys.token("key-never-published", "intruder")));
        }
        assertTrue(keys.fetches() - before <= 1, "unknown key ids refetch the JWKS at most once a minute, not per token: "
                + (keys.fetches() - before) + " fetches");

        // A published key id on a token signed by another key: the signature does not verify.
        Tokens.refused(call(keys.forged("key-1", "intruder")));
    }

    private static io.restassured.response.Response call(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/priority-zones");
    }

    /** The gateway in front of the fake services, trusting only the test's JWKS. */
    public static class OwnJwks extends IssuerKeys.Profile {
        public OwnJwks() {
            super(JwksResource.class);
        }
    }

    /** The key settings replaced by the test's JWKS endpoint and issuer. */
    public static class JwksResource extends IssuerKeys.Resource {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            keys.publish("key-1");
            keys.start();
            config.put("mp.jwt.verify.publickey.location", keys.jwksUrl());
            config.put("mp.jwt.verify.issuer", IssuerKeys.ISSUER);
            return config;
        }

        @Override
        public void stop() {
            keys.stop();
        }
    }
}
